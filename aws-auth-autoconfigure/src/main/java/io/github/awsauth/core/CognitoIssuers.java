package io.github.awsauth.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Recognises Cognito user pools by their issuer.
 */
public final class CognitoIssuers {

	private CognitoIssuers() {
	}

	/**
	 * Whether an issuer is a Cognito user pool's: its host is
	 * {@code cognito-idp.<region>.amazonaws.com} (or {@code .amazonaws.com.cn}).
	 * @param issuer an issuer URI, or {@code null}
	 * @return whether it is a user pool's
	 */
	public static boolean isUserPool(@Nullable String issuer) {
		if (issuer == null) {
			return false;
		}
		try {
			String host = URI.create(issuer).getHost();
			return host != null && host.matches("cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
