package io.github.awsauth.jwt;

import java.net.URI;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A validated issuer entry: whose tokens are accepted, where its keys are and which audiences
 * and token uses it may present.
 *
 * @param issuerUri the exact value of the "iss" claim
 * @param jwkSetUri the key set URI, or {@code null} to find it by OpenID discovery
 * @param audiences the accepted audiences, never empty
 * @param tokenUse the accepted Cognito token uses (ignored for other issuers)
 * @param cognito whether the issuer is a Cognito user pool
 */
public record TrustedIssuer(String issuerUri, @Nullable URI jwkSetUri, Set<String> audiences, TokenUse tokenUse,
		boolean cognito) {

	/**
	 * Validate and copy the arguments.
	 */
	public TrustedIssuer {
		Assert.hasText(issuerUri, "issuerUri must not be empty");
		Assert.notEmpty(audiences, "audiences must not be empty");
		Assert.notNull(tokenUse, "tokenUse must not be null");
		audiences = Set.copyOf(audiences);
	}

	/**
	 * Whether a host is a Cognito user pool's issuer host, {@code cognito-idp.<region>.amazonaws.com}
	 * (or {@code .amazonaws.com.cn}).
	 * @param host the host of an issuer URI
	 * @return whether it is a Cognito issuer host
	 */
	public static boolean isCognitoHost(@Nullable String host) {
		return host != null && host.matches("cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");
	}

}
