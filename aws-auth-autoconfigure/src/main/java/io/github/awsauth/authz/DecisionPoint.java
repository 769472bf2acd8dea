package io.github.awsauth.authz;

import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A decision point every request that a route rule lets through must also pass, in order: the
 * policy authorizer ({@value #POLICIES}), OPA ({@value #OPA}), Verified Permissions
 * ({@value #VERIFIED_PERMISSIONS}). The first that denies ends it. A bean of this type is asked
 * too, at its order; one that denies should note why with {@code AccessDenials}.
 */
public interface DecisionPoint extends AuthorizationManager<RequestAuthorizationContext>, Ordered {

	/** The order of the policy authorizer. */
	int POLICIES = 100;

	/** The order of OPA. */
	int OPA = 200;

	/** The order of Verified Permissions. */
	int VERIFIED_PERMISSIONS = 300;

}
