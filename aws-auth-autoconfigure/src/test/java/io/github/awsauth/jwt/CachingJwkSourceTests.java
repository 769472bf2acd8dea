package io.github.awsauth.jwt;

import java.io.IOException;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.awsauth.core.Corretto;
import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwkSourceTests {

	private final RSAKey key1 = TestTokens.generateRsa("k1");

	private final RSAKey key2 = TestTokens.generateRsa("k2");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

	private final ScriptedLoader loader = new ScriptedLoader();

	private final CachingJwkSource source = new CachingJwkSource("https://issuer.test", this.loader,
			Duration.ofHours(1), Duration.ofSeconds(10), this.clock);

	@Test
	void fetchesNothingUntilTheFirstToken() {
		assertThat(this.loader.calls).hasValue(0);
	}

	@Test
	void fetchesOnFirstUseAndServesKnownKeysFromCache() throws Exception {
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		assertThat(select("k1")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(select("k1")).hasSize(1);
		assertThat(this.loader.calls).hasValue(1);
	}

	@Test
	void unknownKidFetchesAgainAtMostOncePerCooldown() throws Exception {
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		select("k1");
		this.clock.advance(Duration.ofSeconds(11));
		for (int i = 0; i < 100; i++) {
			assertThat(select("unknown-" + i)).isEmpty();
		}
		assertThat(this.loader.calls).hasValue(2);
		this.loader.keys = new JWKSet(List.of(this.key1.toPublicJWK(), this.key2.toPublicJWK()));
		assertThat(select("k2")).isEmpty();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(select("k2")).hasSize(1);
		assertThat(this.loader.calls).hasValue(3);
	}

	@Test
	void failedFetchAlsoStartsTheCooldown() throws Exception {
		this.loader.failure = new IOException("connection refused");
		assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> select("k1"));
		assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> select("k1"));
		assertThat(this.loader.calls).hasValue(1);
		this.loader.failure = null;
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(select("k1")).hasSize(1);
		assertThat(this.loader.calls).hasValue(2);
	}

	@Test
	void staleKeysAreRefreshedAndKeptWhileTheIssuerIsDown() throws Exception {
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		select("k1");
		this.clock.advance(Duration.ofHours(2));
		this.loader.failure = new IOException("issuer down");
		assertThat(select("k1")).hasSize(1);
		assertThat(this.loader.calls).hasValue(2);
		this.loader.failure = null;
		this.loader.keys = new JWKSet(this.key2.toPublicJWK());
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(select("k1")).as("the request that fetched the set that no longer has k1").isEmpty();
		assertThat(this.loader.calls).hasValue(3);
		assertThat(select("k1")).isEmpty();
		assertThat(select("k2")).hasSize(1);
	}

	@Test
	void concurrentRequestsShareOneFetch() throws Exception {
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		this.loader.delay = Duration.ofMillis(300);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<JWK>>> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return select("k1");
			}));
		}
		start.countDown();
		for (Future<List<JWK>> result : results) {
			assertThat(result.get(5, TimeUnit.SECONDS)).hasSize(1);
		}
		pool.shutdown();
		assertThat(this.loader.calls).hasValue(1);
	}

	@Test
	void publicKeysAreTheSelectedKeysMadeOnceForTheProvider() throws Exception {
		CachingJwkSource accp = new CachingJwkSource("https://issuer.test", this.loader, Duration.ofHours(1),
				Duration.ofSeconds(10), this.clock, Corretto.assumeAvailable());
		ECKey ec = TestTokens.generateEc("e1");
		this.loader.keys = new JWKSet(List.of(this.key1.toPublicJWK(), this.key2.toPublicJWK(), ec.toPublicJWK()));
		List<Key> rsa = accp.publicKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build());
		assertThat(rsa).hasSize(1);
		assertThat(rsa.get(0).getClass().getName()).startsWith("com.amazon.corretto");
		assertThat(rsa.get(0).getEncoded()).isEqualTo(this.key2.toPublicKey().getEncoded());
		assertThat(accp.publicKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build()).get(0))
			.as("made once per fetch").isSameAs(rsa.get(0));
		assertThat(accp.publicKeys(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build())).hasSize(1);
		assertThat(accp.publicKeys(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build()))
			.as("an RSA key for an EC algorithm").isEmpty();
		assertThat(this.loader.calls).hasValue(1);
	}

	@Test
	void keyThatLeftTheKeySetIsNoLongerSelected() throws Exception {
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		JWSHeader k1 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
		assertThat(this.source.publicKeys(k1)).hasSize(1);
		this.loader.keys = new JWKSet(this.key2.toPublicJWK());
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.source.publicKeys(k1)).as("the request that fetches the set again").isEmpty();
		assertThat(this.loader.calls).hasValue(2);
	}

	@Test
	void keysUsedAreTrustedForMaxAgeAfterTheFetchOfTheSetTheyCameFrom() throws Exception {
		JWSHeader k1 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
		CachingJwkSource.forgetKeysUsed();
		assertThat(CachingJwkSource.keysUsedTrustedUntil()).isEqualTo(Instant.MIN);
		this.loader.keys = new JWKSet(this.key1.toPublicJWK());
		Instant fetched = this.clock.instant();
		this.source.publicKeys(k1);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(this.source.publicKeys(k1)).hasSize(1);
		// another request fetches the set again meanwhile, and k1 has left it
		this.loader.keys = new JWKSet(this.key2.toPublicJWK());
		Thread other = new Thread(() -> {
			try {
				this.source.publicKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k2").build());
			}
			catch (KeySourceException ex) {
				throw new IllegalStateException(ex);
			}
		});
		other.start();
		other.join();
		assertThat(this.loader.calls).hasValue(2);
		assertThat(CachingJwkSource.keysUsedTrustedUntil()).as("the set k1 came from, not the new one")
			.isEqualTo(fetched.plus(Duration.ofHours(1)));
		assertThat(CachingJwkSource.keysUsedTrustedUntil()).as("taken once").isEqualTo(Instant.MIN);
	}

	@Test
	void keyThatIsNoPublicKeyIsLeftOut() throws Exception {
		this.loader.keys = new JWKSet(new OctetSequenceKey.Builder(new byte[32]).keyID("k1").build());
		assertThat(this.source.publicKeys(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build())).isEmpty();
		assertThat(this.source.publicKeys(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build())).isEmpty();
	}

	private List<JWK> select(String kid) throws KeySourceException {
		return this.source.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
	}

	static final class ScriptedLoader extends JwkSetLoader {

		final AtomicInteger calls = new AtomicInteger();

		volatile JWKSet keys = new JWKSet();

		volatile Exception failure;

		volatile Duration delay = Duration.ZERO;

		ScriptedLoader() {
			super(new TrustedIssuer("https://issuer.test", java.net.URI.create("https://issuer.test/jwks"),
					java.util.Set.of("aud"), TokenUse.ACCESS, false), (url) -> {
						throw new IOException("not used");
					});
		}

		@Override
		public JWKSet load() throws IOException {
			this.calls.incrementAndGet();
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.failure instanceof IOException io) {
				throw io;
			}
			return this.keys;
		}

	}

}
