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

}
