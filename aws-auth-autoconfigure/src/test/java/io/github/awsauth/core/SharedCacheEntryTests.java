package io.github.awsauth.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared value is kept locally for its time left, and never longer than this instance's own TTL
 * (the writer's clock may be ahead, or its TTL longer during a rolling change).
 */
class SharedCacheEntryTests {

	@Test
	void theShorterOfTheTimeLeftAndTheLocalTtl() {
		SharedCache.Entry entry = new SharedCache.Entry("allow", Duration.ofMinutes(5));
		assertThat(entry.timeLeft(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
		assertThat(entry.timeLeft(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(5));
	}

}
