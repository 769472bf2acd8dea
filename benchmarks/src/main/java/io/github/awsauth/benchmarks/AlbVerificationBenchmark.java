package io.github.awsauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.alb.AlbPublicKeys;
import io.github.awsauth.alb.AlbTokenVerifier;
import io.github.awsauth.core.CryptoProvider;
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

/**
 * Cost per request of verifying an ALB {@code x-amzn-oidc-data} header with a cached key: as if
 * never seen (the verified-header cache off) with the JDK's ECDSA and with Corretto Crypto
 * Provider, and seen before (the cache), against bare Nimbus parsing and ES256-verifying the same
 * token with the JDK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class AlbVerificationBenchmark {

	private static final String SIGNER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";

	private String token;

	private ECDSAVerifier bareVerifier;

	private AlbTokenVerifier starterJdk;

	private AlbTokenVerifier starterAccp;

	private AlbTokenVerifier starterCached;

	@Setup
	public void setUp() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		String kid = UUID.randomUUID().toString();
		long exp = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
		String header = JSONObjectUtils.toJSONString(Map.of("typ", "JWT", "kid", kid, "alg", "ES256", "iss",
				"https://idp.example.com", "client", "app-client", "signer", SIGNER, "exp", exp));
		String claims = JSONObjectUtils.toJSONString(Map.of("sub", "9f3c-alice", "email", "alice@example.com",
				"name", "Alice", "exp", exp, "iss", "https://idp.example.com"));
		String input = pad(header) + "." + pad(claims);
		byte[] signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
				input.getBytes(StandardCharsets.US_ASCII)).decode();
		this.token = input + "." + Base64.getUrlEncoder().encodeToString(signature);
		this.bareVerifier = new ECDSAVerifier(key.toECPublicKey());
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.toECPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try (LoopbackServer keys = new LoopbackServer("text/plain", pem)) {
			CryptoProvider accp = CryptoProvider.of(CryptoProvider.Choice.ACCP);
			this.starterJdk = verifier(keys, CryptoProvider.jdk(), 0);
			this.starterAccp = verifier(keys, accp, 0);
			this.starterCached = verifier(keys, accp, 10_000);
			if (!"9f3c-alice".equals(starterFirstSeenJdk().get("sub"))
					|| !"9f3c-alice".equals(starterFirstSeenAccp().get("sub"))
					|| !"9f3c-alice".equals(starterRepeated().get("sub")) || !bareNimbus()) {
				throw new IllegalStateException("benchmark set-up does not verify");
			}
		}
	}

	@Benchmark
	public boolean bareNimbus() throws Exception {
		return SignedJWT.parse(this.token).verify(this.bareVerifier);
	}

	/** A header never seen, verified with the JDK's ECDSA (the starter before the cache and ACCP). */
	@Benchmark
	public Map<String, Object> starterFirstSeenJdk() {
		return this.starterJdk.verify(this.token);
	}

	/** A header never seen, verified with Corretto Crypto Provider. */
	@Benchmark
	public Map<String, Object> starterFirstSeenAccp() {
		return this.starterAccp.verify(this.token);
	}

	/** A header seen before: the verified-header cache and the expiry check. */
	@Benchmark
	public Map<String, Object> starterRepeated() {
		return this.starterCached.verify(this.token);
	}

	private static AlbTokenVerifier verifier(LoopbackServer keys, CryptoProvider crypto, long cacheSize) {
		AlbPublicKeys publicKeys = new AlbPublicKeys(keys.url() + "/{kid}", Duration.ofSeconds(2), 100,
				Duration.ofSeconds(10), 5, crypto, Clock.systemUTC());
		return new AlbTokenVerifier(publicKeys, List.of(SIGNER), "https://idp.example.com", List.of("app-client"),
				Duration.ofSeconds(60), crypto, cacheSize, Clock.systemUTC());
	}

	private static String pad(String json) {
		return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
