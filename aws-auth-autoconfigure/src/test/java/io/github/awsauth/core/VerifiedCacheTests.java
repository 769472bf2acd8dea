package io.github.awsauth.core;

import java.time.Duration;
import java.time.Instant;

import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verification is found for exactly the credential it was made for, until its own time and no
 * longer; a cache of size 0 and a verification that no longer stands keep nothing.
 */
class VerifiedCacheTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	@Test
	void verificationIsFoundForExactlyItsCredential() {
		VerifiedCache<String> cache = new VerifiedCache<>(10, this.clock);
		cache.put("token-a", "alice", NOW.plusSeconds(60));
		assertThat(cache.get("token-a")).isEqualTo("alice");
		assertThat(cache.get("token-a ")).isNull();
		assertThat(cache.get("token-b")).isNull();
		assertThat(cache.size()).isOne();
	}

	@Test
	void verificationStandsUntilItsTimeAndNoLonger() {
		VerifiedCache<String> cache = new VerifiedCache<>(10, this.clock);
		cache.put("token-a", "alice", NOW.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(cache.get("token-a")).isEqualTo("alice");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cache.get("token-a")).isNull();
	}

	@Test
	void verificationThatNoLongerStandsIsNotKept() {
		VerifiedCache<String> cache = new VerifiedCache<>(10, this.clock);
		cache.put("token-a", "alice", NOW);
		cache.put("token-b", "bob", NOW.minusSeconds(1));
		assertThat(cache.get("token-a")).isNull();
		assertThat(cache.get("token-b")).isNull();
		assertThat(cache.size()).isZero();
	}

	@Test
	void sizeZeroKeepsNothing() {
		VerifiedCache<String> cache = new VerifiedCache<>(0, this.clock);
		cache.put("token-a", "alice", NOW.plusSeconds(60));
		assertThat(cache.get("token-a")).isNull();
		assertThat(cache.size()).isZero();
	}

}
