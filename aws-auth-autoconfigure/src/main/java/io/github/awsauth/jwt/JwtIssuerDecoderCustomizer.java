package io.github.awsauth.jwt;

import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Adjusts the decoder the starter builds for one trusted issuer, for example to set a claim set
 * converter. Beans of this type are applied in order. The starter sets the decoder's validator
 * after the customizers ran, so its checks cannot be switched off here; to add checks, declare
 * an {@code OAuth2TokenValidator<Jwt>} bean instead.
 */
@FunctionalInterface
public interface JwtIssuerDecoderCustomizer {

	/**
	 * Customize the decoder of an issuer.
	 * @param issuer the issuer
	 * @param decoder its decoder
	 */
	void customize(TrustedIssuer issuer, NimbusJwtDecoder decoder);

}
