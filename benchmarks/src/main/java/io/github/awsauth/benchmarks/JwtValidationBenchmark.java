package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TokenUse;
import io.github.awsauth.jwt.TrustedIssuer;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Cost per request of validating one Cognito access token (RS256, 2048-bit key, keys cached):
 * the starter's whole bearer path (issuer lookup, signature, every check, mapping to an
 * {@code AwsPrincipal}) for a token seen before (the verified-token cache) and as if never seen,
 * against a bare {@link NimbusJwtDecoder} with the same key and token and one JDK RSA-2048 verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class JwtValidationBenchmark {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench";

	private String token;

	private NimbusJwtDecoder bareNimbus;

	private AuthenticationManager starter;

	private AuthenticationManager starterWithoutCache;

	private AuthenticationManager starterWithoutCacheAccp;

	private CryptoProvider accp;

	private java.security.PublicKey accpPublicKey;

	private java.security.interfaces.RSAPublicKey publicKey;

	private byte[] signingInput;

	private byte[] signature;

	@Setup
	public void setUp() throws JOSEException, IOException, java.security.GeneralSecurityException {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
		JWKSet jwks = new JWKSet(key.toPublicJWK());
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("8d3c-alice")
			.claim("token_use", "access")
			.claim("client_id", "app-client")
			.claim("username", "alice")
			.claim("cognito:groups", List.of("admin", "ops"))
			.claim("scope", "orders.read orders.write")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(24 * 3600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
		jwt.sign(new RSASSASigner(key));
		this.token = jwt.serialize();

		this.bareNimbus = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(jwks)).build();

		TrustedIssuer issuer = new TrustedIssuer(ISSUER, CognitoUserPool.jwkSetUri(ISSUER),
				Set.of("app-client"), TokenUse.ACCESS, true);
		this.starter = starter(issuer, jwks, new JwtProperties(), CryptoProvider.jdk());
		JwtProperties uncached = new JwtProperties();
		uncached.setVerifiedCacheSize(0);
		this.starterWithoutCache = starter(issuer, jwks, uncached, CryptoProvider.jdk());
		this.accp = CryptoProvider.of(CryptoProvider.Choice.ACCP);
		this.starterWithoutCacheAccp = starter(issuer, jwks, uncached, this.accp);
		this.publicKey = key.toRSAPublicKey();
		this.accpPublicKey = this.accp.publicKey(this.publicKey);
		String[] parts = this.token.split("\\.");
		this.signingInput = (parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		this.signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
		if (!"alice".equals(starterPath().getName()) || !"alice".equals(starterFirstSeen().getName())
				|| !"alice".equals(starterFirstSeenAccp().getName()) || !accpRsa2048Verify()
				|| !"alice".equals(bareNimbus().getClaimAsString("username"))) {
			throw new IllegalStateException("benchmark set-up does not validate the token");
		}
	}

	@Benchmark
	public Jwt bareNimbus() {
		return this.bareNimbus.decode(this.token);
	}

	/** The floor: one JDK RSA-2048 signature verification of the token's signing input. */
	@Benchmark
	public boolean jdkRsa2048Verify() throws java.security.GeneralSecurityException {
		java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
		verifier.initVerify(this.publicKey);
		verifier.update(this.signingInput);
		return verifier.verify(this.signature);
	}

	/** One RSA-2048 verification with Amazon Corretto Crypto Provider (AWS-LC). */
	@Benchmark
	public boolean accpRsa2048Verify() throws java.security.GeneralSecurityException {
		java.security.Signature verifier = this.accp.signature("SHA256withRSA");
		verifier.initVerify(this.accpPublicKey);
		verifier.update(this.signingInput);
		return verifier.verify(this.signature);
	}

	/** The starter's bearer path for a token used again: the verified-token cache, then every check. */
	@Benchmark
	public Authentication starterPath() {
		return this.starter.authenticate(new BearerTokenAuthenticationToken(this.token));
	}

	/** The starter's bearer path as for a token never seen (the verified-token cache off). */
	@Benchmark
	public Authentication starterFirstSeen() {
		return this.starterWithoutCache.authenticate(new BearerTokenAuthenticationToken(this.token));
	}

	/** The starter's bearer path as for a token never seen, verified with Corretto Crypto Provider. */
	@Benchmark
	public Authentication starterFirstSeenAccp() {
		return this.starterWithoutCacheAccp.authenticate(new BearerTokenAuthenticationToken(this.token));
	}

	private static AuthenticationManager starter(TrustedIssuer issuer, JWKSet jwks, JwtProperties properties,
			CryptoProvider crypto) {
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(properties,
				(url) -> new Resource(jwks.toString(), "application/json"), Clock.systemUTC(), List.of(), List.of());
		factory.setCryptoProvider(crypto);
		JwtDecoder decoder = factory.create(List.of(issuer));
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(new AwsJwtAuthenticationConverter(
				new ClaimAuthorities("cognito:groups", "ROLE_", "SCOPE_"), null, Set.of(ISSUER)));
		return provider::authenticate;
	}

}
