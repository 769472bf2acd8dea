package io.github.awsauth.authz;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CognitoUserPool;

import org.springframework.security.core.Authentication;

/**
 * A caller's id, unique across mechanisms and issuers, where a name is unique only within one: two
 * user pools can each have a {@code bob}, and an API key can be named like a user. A caller with a
 * verified issuer and subject is {@code <issuer>|<sub>}, a Cognito user
 * {@code <user pool id>|<sub>} as Verified Permissions' Cognito identity source names it; any
 * other caller is {@code <mechanism>|<name>}.
 */
final class CallerIds {

	private CallerIds() {
	}

	static String of(Authentication caller) {
		if (!(caller.getPrincipal() instanceof AwsPrincipal principal)) {
			return caller.getName();
		}
		Object issuer = principal.attribute("iss");
		Object subject = principal.attribute("sub");
		if (issuer != null && subject != null) {
			CognitoUserPool pool = CognitoUserPool.ofIssuer(issuer.toString());
			return ((pool != null) ? pool.userPoolId() : issuer.toString()) + "|" + subject;
		}
		return principal.mechanism().id() + "|" + principal.getName();
	}

}
