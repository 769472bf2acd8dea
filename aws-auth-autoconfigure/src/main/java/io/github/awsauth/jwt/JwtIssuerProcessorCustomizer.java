package io.github.awsauth.jwt;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;

/**
 * Adjusts the Nimbus processor the starter builds for one trusted issuer (like Spring Security's
 * {@code jwtProcessorCustomizer}); beans of this type are applied in order. The claim checks are
 * not in the processor but in the decoder's validator and cannot be switched off here. What the
 * processor checks is checked with the signature, when a token is first seen, not again for a
 * token the decoder remembers ({@code aws.auth.jwt.verified-cache-size}); to add checks that run on
 * every request, declare an {@code OAuth2TokenValidator<Jwt>} bean instead.
 */
@FunctionalInterface
public interface JwtIssuerProcessorCustomizer {

	/**
	 * Customize the processor of an issuer.
	 * @param issuer the issuer
	 * @param processor its processor, with the key selector set
	 */
	void customize(TrustedIssuer issuer, ConfigurableJWTProcessor<SecurityContext> processor);

}
