package io.github.awsauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CountingSignatures;
import io.github.awsauth.core.Corretto;
import io.github.awsauth.core.CryptoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TrustedIssuersJwtDecoderFactoryTests {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test";

	private final TestTokens tokens = new TestTokens(ISSUER);

	private final TrustedIssuer issuer = new TrustedIssuer(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
			Set.of("app-client"), TokenUse.ACCESS, true);

	private JwtDecoder decoder(List<org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt>> extra,
			List<JwtIssuerProcessorCustomizer> customizers) {
		return new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(), extra, customizers)
			.create(List.of(this.issuer));
	}

	@Test
	void validTokenDecodes() {
		Jwt jwt = decoder(List.of(), List.of()).decode(this.tokens.sign(this.tokens.accessClaims()));
		assertThat(jwt.getClaimAsString("username")).isEqualTo("alice");
	}

	@Test
	void correttoVerifiesEveryAlgorithmFamilyAndRefusesForgeries() {
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(), List.of(), List.of());
		factory.setCryptoProvider(Corretto.assumeAvailable());
		JwtDecoder decoder = factory.create(List.of(this.issuer));
		assertThat(decoder.decode(this.tokens.sign(this.tokens.accessClaims())).getSubject()).isNotBlank();
		assertThat(decoder.decode(TestTokens.sign(this.tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(this.tokens.rsa.getKeyID()), this.tokens.rsa)))
			.isNotNull();
		assertThat(decoder.decode(TestTokens.sign(this.tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.tokens.ec.getKeyID()), this.tokens.ec)))
			.isNotNull();
		String forged = TestTokens.sign(this.tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.tokens.rsa.getKeyID()), this.tokens.attacker);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged));
	}

	@ParameterizedTest
	@MethodSource("acceptedAlgorithms")
	void correttoHasEveryAlgorithmTheStarterAccepts(JWSAlgorithm algorithm) throws Exception {
		CryptoProvider accp = Corretto.assumeAvailable();
		JWK key = JWSAlgorithm.Family.EC.contains(algorithm)
				? new ECKeyGenerator(Curve.forJWSAlgorithm(algorithm).iterator().next()).keyID("k").generate()
				: new RSAKeyGenerator(2048).keyID("k").generate();
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(new JWKSet(key.toPublicJWK()).toString(), "application/json"), Clock.systemUTC(),
				List.of(), List.of());
		factory.setCryptoProvider(accp);
		JwtDecoder decoder = factory.create(List.of(this.issuer));
		String token = TestTokens.sign(this.tokens.accessClaims(), new JWSHeader.Builder(algorithm).keyID("k"), key);
		assertThat(decoder.decode(token).getSubject()).isNotBlank();
	}

	static java.util.stream.Stream<JWSAlgorithm> acceptedAlgorithms() {
		return TrustedIssuersJwtDecoderFactory.ALGORITHMS.stream();
	}

	@Test
	void signaturesAreVerifiedWithTheConfiguredProviderOncePerToken() {
		CountingSignatures signatures = new CountingSignatures();
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(), List.of(), List.of());
		factory.setCryptoProvider(signatures.crypto());
		JwtDecoder decoder = factory.create(List.of(this.issuer));
		String token = this.tokens.sign(this.tokens.accessClaims());
		decoder.decode(token);
		decoder.decode(token);
		assertThat(signatures.count()).isOne();
		decoder.decode(this.tokens.sign(this.tokens.accessClaims().jwtID("another")));
		assertThat(signatures.count()).isEqualTo(2);
	}

	@Test
	void applicationValidatorsJudgeEveryRequestOfATokenUsedAgain() {
		AtomicBoolean revoked = new AtomicBoolean();
		JwtDecoder decoder = decoder(List.of((jwt) -> revoked.get()
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token was revoked", null))
				: OAuth2TokenValidatorResult.success()), List.of());
		String token = this.tokens.sign(this.tokens.accessClaims());
		decoder.decode(token);
		revoked.set(true);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("Token was revoked");
	}

	@Test
	void tokenOfAnotherAudienceIsRefusedEveryTimeItIsSent() {
		String token = this.tokens.sign(this.tokens.accessClaims().claim("client_id", "another-client"));
		JwtDecoder decoder = decoder(List.of(), List.of());
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
				.withMessageContaining("audience");
		}
	}

	@Test
	void withoutTheCacheEveryTokenIsVerifiedAndCheckedOnEveryRequest() {
		CountingSignatures signatures = new CountingSignatures();
		JwtProperties properties = new JwtProperties();
		properties.setVerifiedCacheSize(0);
		AtomicBoolean revoked = new AtomicBoolean();
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(properties,
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(),
				List.of((jwt) -> revoked.get()
						? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token was revoked", null))
						: OAuth2TokenValidatorResult.success()),
				List.of());
		factory.setCryptoProvider(signatures.crypto());
		JwtDecoder decoder = factory.create(List.of(this.issuer));
		String token = this.tokens.sign(this.tokens.accessClaims());
		decoder.decode(token);
		decoder.decode(token);
		assertThat(signatures.count()).isEqualTo(2);
		revoked.set(true);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("Token was revoked");
		String otherAudience = this.tokens.sign(this.tokens.accessClaims().claim("client_id", "another-client"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(otherAudience))
			.withMessageContaining("audience");
	}

	@Test
	void expiredTokenSaysSo() {
		String token = this.tokens
			.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
			.expirationTime(Date.from(Instant.now().minusSeconds(300))));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder(List.of(), List.of()).decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void applicationValidatorsRunAfterTheBuiltInChecks() {
		List<org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt>> extra = List
			.of((jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Tenant suspended", null)));
		String expired = this.tokens.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
			.expirationTime(Date.from(Instant.now().minusSeconds(300))));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder(extra, List.of()).decode(expired))
			.withMessageStartingWith("Jwt expired")
			.withMessageEndingWith("; Tenant suspended");
	}

	@Test
	void customizersTakeEffectOnTheProcessor() {
		JwtIssuerProcessorCustomizer refuseEveryType = (issuer, processor) -> processor
			.setJWSTypeVerifier((type, context) -> {
				throw new com.nimbusds.jose.proc.BadJOSEException("refused by the application");
			});
		String valid = this.tokens.sign(this.tokens.accessClaims());
		assertThat(decoder(List.of(), List.of()).decode(valid)).isNotNull();
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder(List.of(), List.of(refuseEveryType)).decode(valid));
	}

	@Test
	void customizersCannotSwitchOffTheClaimChecks() {
		JwtIssuerProcessorCustomizer customizer = (issuer, processor) -> processor
			.setJWTClaimsSetVerifier((claims, context) -> {
			});
		String token = this.tokens.sign((claims) -> claims.claim("client_id", "other"));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder(List.of(), List.of(customizer)).decode(token))
			.withMessageContaining("audience");
	}

	@Test
	void cognitoIdTokensDecodeWhenTheIssuerTakesIdTokens() {
		String idToken = this.tokens.sign((claims) -> claims.claim("token_use", "id")
			.claim("client_id", null)
			.audience("app-client")
			.claim("cognito:username", "alice"));
		String accessToken = this.tokens.sign(this.tokens.accessClaims());
		JwtDecoder idOnly = decoder(TokenUse.ID);
		assertThat(idOnly.decode(idToken).getClaimAsString("cognito:username")).isEqualTo("alice");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> idOnly.decode(accessToken))
			.withMessageContaining("Token use");
		JwtDecoder any = decoder(TokenUse.ANY);
		assertThat(any.decode(idToken)).isNotNull();
		assertThat(any.decode(accessToken)).isNotNull();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder(TokenUse.ACCESS).decode(idToken))
			.withMessageContaining("Token use");
	}

	private JwtDecoder decoder(TokenUse use) {
		TrustedIssuer issuer = new TrustedIssuer(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
				Set.of("app-client"), use, true);
		return new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(), List.of(), List.of())
			.create(List.of(issuer));
	}

	@Test
	void tokenOfAnotherIssuerIsRejectedWithoutFetchingKeys() {
		java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
		JwtDecoder decoder = new TrustedIssuersJwtDecoderFactory(new JwtProperties(), (url) -> {
			fetches.incrementAndGet();
			return new Resource(this.tokens.jwks(), "application/json");
		}, Clock.systemUTC(), List.of(), List.of()).create(List.of(this.issuer));
		String token = this.tokens.sign((claims) -> claims.issuer("https://evil.example.com"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
			.withMessage("Token issuer is not trusted");
		assertThat(fetches).hasValue(0);
	}

	@Test
	void unreachableKeySetIsAnUnjudgedTokenWithA503Inside() {
		JwtDecoder decoder = new TrustedIssuersJwtDecoderFactory(new JwtProperties(), (url) -> {
			throw new IOException("Connection refused");
		}, Clock.systemUTC(), List.of(), List.of()).create(List.of(this.issuer));
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> decoder.decode(this.tokens.sign(this.tokens.accessClaims())))
			.withMessage(SanitizingJwtDecoder.KEYS_UNAVAILABLE)
			.isNotInstanceOf(BadJwtException.class)
			.havingCause()
			.isInstanceOfSatisfying(AwsAuthenticationException.class,
					(unavailable) -> assertThat(unavailable.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

}
