package io.github.awsauth.core;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestPathCaches}.
 */
class RequestPathCachesTests {

	@Test
	void upkeepRunsOnTheThreadThatFillsTheCacheNotOnAPool() {
		List<Thread> evictors = new ArrayList<>();
		Cache<Integer, Integer> cache = RequestPathCaches.newBuilder()
			.maximumSize(10)
			.evictionListener((key, value, cause) -> evictors.add(Thread.currentThread()))
			.<Integer, Integer>build();
		for (int i = 0; i < 100; i++) {
			cache.put(i, i);
		}
		// evicted while put returned, by the thread that put: nothing waits for a pool thread
		assertThat(cache.estimatedSize()).isEqualTo(10);
		assertThat(evictors).hasSize(90).containsOnly(Thread.currentThread());
	}

}
