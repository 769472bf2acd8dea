package io.github.awsauth.authz;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * The IAM-style policies of an authenticated caller, as an API Gateway custom authorizer returns
 * them. The default provider attaches the policies of {@code aws.auth.authorization.policies} and
 * {@code policy-locations} to authorities; a bean of this type replaces it, to read policies from
 * a database or a policy service.
 * <p>
 * Answers are cached per caller ({@code policy-cache-ttl}); a provider that throws or does not
 * answer within {@code policy-provider-timeout} denies the request.
 */
@FunctionalInterface
public interface PolicyProvider {

	/**
	 * The caller's policies.
	 * @param caller the authenticated caller, its principal an {@code AwsPrincipal} for every
	 * mechanism of the starter
	 * @return the policies, empty for none (the caller is then denied)
	 */
	List<PolicyDocument> policies(Authentication caller);

}
