package io.github.awsauth.jwt;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.util.ResourceRetriever;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder of one trusted issuer: Spring Security's {@link NimbusJwtDecoder} over a
 * {@link CachingJwkSource}, restricted to asymmetric algorithms, with these checks:
 * <ul>
 * <li>signature with a key of the issuer whose type fits the algorithm; {@code jku}, {@code x5u}
 * and {@code jwk} headers are never used;</li>
 * <li>{@code exp} required, {@code exp} and {@code nbf} with the configured clock skew;</li>
 * <li>{@code iss} equal to the issuer, {@code typ} absent, {@code JWT} or {@code at+jwt};</li>
 * <li>for Cognito, {@code token_use}; the audience ({@code client_id} or {@code aud});</li>
 * <li>then the application's own {@code OAuth2TokenValidator<Jwt>}s.</li>
 * </ul>
 */
public class IssuerJwtDecoderFactory {

	/** Every asymmetric JWS algorithm; HMAC and {@code none} are never accepted. */
	public static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384,
			SignatureAlgorithm.PS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);

	private final JwtProperties properties;

	private final ResourceRetriever retriever;

	private final Clock clock;

	private final List<OAuth2TokenValidator<Jwt>> additionalValidators;

	private final List<JwtIssuerDecoderCustomizer> customizers;

	/**
	 * Create a factory.
	 * @param properties the JWT properties (clock skew, key set caching)
	 * @param retriever the HTTP client for key sets and discovery documents
	 * @param clock the clock for expiry checks and key set caching
	 * @param additionalValidators the application's validators, run after the built-in ones
	 * @param customizers adjust each built decoder
	 */
	public IssuerJwtDecoderFactory(JwtProperties properties, ResourceRetriever retriever, Clock clock,
			List<OAuth2TokenValidator<Jwt>> additionalValidators, List<JwtIssuerDecoderCustomizer> customizers) {
		this.properties = properties;
		this.retriever = retriever;
		this.clock = clock;
		this.additionalValidators = List.copyOf(additionalValidators);
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Build the decoder of one issuer. Nothing is fetched until the first token arrives.
	 * @param issuer the issuer
	 * @return its decoder
	 */
	public JwtDecoder create(TrustedIssuer issuer) {
		JwtProperties.Jwks jwks = this.properties.getJwks();
		CachingJwkSource keys = new CachingJwkSource(issuer.issuerUri(), new JwkSetLoader(issuer, this.retriever),
				jwks.getMaxAge(), jwks.getRefreshCooldown(), this.clock);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms((algorithms) -> {
			algorithms.clear();
			algorithms.addAll(ALGORITHMS);
		}).build();
		this.customizers.forEach((customizer) -> customizer.customize(issuer, decoder));
		decoder.setJwtValidator(validator(issuer));
		return new IssuerJwtDecoder(decoder);
	}

	private OAuth2TokenValidator<Jwt> validator(TrustedIssuer issuer) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(this.properties.getClockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(this.clock);
		validators.add(timestamps);
		validators.add(new JwtIssuerValidator(issuer.issuerUri()));
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		validators.add(type);
		if (issuer.cognito()) {
			validators.add(new CognitoTokenUseValidator(issuer.tokenUse()));
		}
		validators.add(new AudienceValidator(issuer.audiences(), issuer.cognito()));
		validators.addAll(this.additionalValidators);
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * The default key set URI of a Cognito user pool.
	 * @param issuerUri the pool's issuer
	 * @return {@code {issuer}/.well-known/jwks.json}
	 */
	public static URI cognitoJwkSetUri(String issuerUri) {
		return URI.create(issuerUri + "/.well-known/jwks.json");
	}

}
