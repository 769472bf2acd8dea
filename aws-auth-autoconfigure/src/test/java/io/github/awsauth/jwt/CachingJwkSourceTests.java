package io.github.awsauth.jwt;

import java.io.IOException;
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

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
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
		assertThat(select("k1")).hasSize(1);
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
