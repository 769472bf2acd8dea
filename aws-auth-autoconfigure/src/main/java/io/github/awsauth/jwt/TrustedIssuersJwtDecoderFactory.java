package io.github.awsauth.jwt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.CryptoProvider;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the one decoder of all trusted issuers: Spring Security's {@link NimbusJwtDecoder}
 * whose Nimbus processor hands each token to its issuer's processor (parsing it once), and
 * whose validator runs its issuer's checks:
 * <ul>
 * <li>signature with a key of the issuer ({@link CachingJwkSource}) whose type fits the
 * algorithm; only asymmetric algorithms; {@code jku}, {@code x5u} and {@code jwk} headers are
 * never used;</li>
 * <li>{@code iss} equal to the issuer, {@code typ} absent, {@code JWT} or {@code at+jwt};</li>
 * <li>for Cognito, {@code token_use}; the audience ({@code client_id} or {@code aud});</li>
 * <li>{@code exp} required, {@code exp} and {@code nbf} with the configured clock skew;</li>
 * <li>a certificate binding ({@code cnf}), then the application's own
 * {@code OAuth2TokenValidator<Jwt>}s.</li>
 * </ul>
 * A token used again within its lifetime is not verified again ({@link VerifiedJwtCache}): its
 * signature, and the checks its text decides (issuer, type, token use, audience), stand; the last
 * three, which the clock, the request and the application decide, run for it every time.
 */
public class TrustedIssuersJwtDecoderFactory {

	/** Every asymmetric JWS algorithm; HMAC and {@code none} are never accepted. */
	public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	private final JwtProperties properties;

	private final ResourceRetriever retriever;

	private final Clock clock;

	private final List<OAuth2TokenValidator<Jwt>> additionalValidators;

	private final List<JwtIssuerProcessorCustomizer> customizers;

	private CryptoProvider crypto = CryptoProvider.jdk();

	private JwtKeySets keySets = new JwtKeySets();

	private Caches caches = new Caches();

	/**
	 * Create a factory.
	 * @param properties the JWT properties (clock skew, key set caching)
	 * @param retriever the HTTP client for key sets and discovery documents
	 * @param clock the clock for expiry checks and key set caching
	 * @param additionalValidators the application's validators, run after the built-in ones
	 * @param customizers adjust each issuer's Nimbus processor
	 */
	public TrustedIssuersJwtDecoderFactory(JwtProperties properties, ResourceRetriever retriever, Clock clock,
			List<OAuth2TokenValidator<Jwt>> additionalValidators, List<JwtIssuerProcessorCustomizer> customizers) {
		this.properties = properties;
		this.retriever = retriever;
		this.clock = clock;
		this.additionalValidators = List.copyOf(additionalValidators);
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Set the provider signatures are verified with; the JDK's by default.
	 * @param crypto the provider
	 */
	public void setCryptoProvider(CryptoProvider crypto) {
		this.crypto = crypto;
	}

	/**
	 * Set where the key sets of the decoders this factory builds are shown to operators.
	 * @param keySets the key sets
	 */
	public void setKeySets(JwtKeySets keySets) {
		this.keySets = keySets;
	}

	/**
	 * Report the verified-token cache of the decoders made next, for the endpoint and the metrics.
	 * @param caches where caches are registered
	 */
	public void setCaches(Caches caches) {
		this.caches = caches;
	}

	/**
	 * Build the decoder. Nothing is fetched until the first token of an issuer arrives.
	 * @param issuers the trusted issuers
	 * @return the decoder; every failure it raises is a {@code BadJwtException}
	 */
	public JwtDecoder create(Collection<TrustedIssuer> issuers) {
		Map<String, JWTProcessor<SecurityContext>> processors = new HashMap<>();
		Map<String, OAuth2TokenValidator<Jwt>> issuerChecks = new HashMap<>();
		for (TrustedIssuer issuer : issuers) {
			processors.put(issuer.issuerUri(), processor(issuer, keys(issuer)));
			issuerChecks.put(issuer.issuerUri(), tokenChecks(issuer));
		}
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(new IssuerRoutingJwtProcessor(processors));
		OAuth2TokenValidator<Jwt> tokenChecks = new IssuerRoutingJwtValidator(issuerChecks);
		OAuth2TokenValidator<Jwt> requestChecks = requestChecks();
		if (this.properties.getVerifiedCacheSize() <= 0) {
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(tokenChecks, requestChecks));
			return new SanitizingJwtDecoder(decoder);
		}
		// the claims are validated by the cache, which knows which checks a cached token needs again
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		VerifiedJwtCache verified = new VerifiedJwtCache(decoder, tokenChecks, requestChecks,
				CachingJwkSource::keysUsedTrustedUntil, this.properties.getVerifiedCacheSize(), this.clock);
		this.caches.register("jwt.verified", verified::statistics);
		return new SanitizingJwtDecoder(verified);
	}

	private CachingJwkSource keys(TrustedIssuer issuer) {
		JwtProperties.Jwks jwks = this.properties.getJwks();
		CachingJwkSource source = new CachingJwkSource(issuer.issuerUri(), new JwkSetLoader(issuer, this.retriever),
				jwks.getMaxAge(), jwks.getRefreshCooldown(), this.clock, this.crypto);
		this.keySets.add(source);
		return source;
	}

	private JWTProcessor<SecurityContext> processor(TrustedIssuer issuer, CachingJwkSource keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(
				(header, context) -> ALGORITHMS.contains(header.getAlgorithm()) ? keys.publicKeys(header) : List.of());
		DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
		verifiers.getJCAContext().setProvider(this.crypto.provider());
		processor.setJWSVerifierFactory(verifiers);
		// typ and the claims are checked by the Spring validators, with clear messages
		processor.setJWSTypeVerifier((type, context) -> {
		});
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		this.customizers.forEach((customizer) -> customizer.customize(issuer, processor));
		return processor;
	}

	/** The checks the token's text decides: they pass or fail alike every time the token is sent. */
	private OAuth2TokenValidator<Jwt> tokenChecks(TrustedIssuer issuer) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtIssuerValidator(issuer.issuerUri()));
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		validators.add(type);
		if (issuer.cognito()) {
			validators.add(new CognitoTokenUseValidator(issuer.tokenUse()));
		}
		validators.add(new AudienceValidator(issuer.audiences(), issuer.cognito()));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/** The checks the clock, the request or the application decides: run every time, a token cached or not. */
	private OAuth2TokenValidator<Jwt> requestChecks() {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(this.properties.getClockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(this.clock);
		validators.add(timestamps);
		validators.add(new CertificateBoundTokenValidator());
		validators.addAll(this.additionalValidators);
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/**
	 * The issuers whose tokens are Cognito's.
	 * @param issuers the trusted issuers
	 * @return the identifiers of the Cognito ones
	 */
	public static Set<String> cognitoIssuers(Collection<TrustedIssuer> issuers) {
		return issuers.stream().filter(TrustedIssuer::cognito).map(TrustedIssuer::issuerUri).collect(Collectors.toSet());
	}

}
