package io.github.awsauth.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

	@Test
	void everyCacheOfTheStarterIsBuiltHere() throws IOException {
		Path sources = Path.of("src/main/java");
		try (Stream<Path> files = Files.walk(sources)) {
			List<Path> elsewhere = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.endsWith("RequestPathCaches.java"))
				.filter((file) -> read(file).contains("Caffeine.newBuilder("))
				.toList();
			assertThat(elsewhere).isEmpty();
		}
		assertThat(sources.resolve("io/github/awsauth/core/RequestPathCaches.java")).exists();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
