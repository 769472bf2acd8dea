package io.github.awsauth.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One call per key while it is in flight, shared by every caller of that key; other keys never
 * wait for it; failures are shared but never kept.
 */
class SingleFlightTests {

	private final ConcurrentMap<String, CompletableFuture<String>> flights = new ConcurrentHashMap<>();

	@Test
	void concurrentCallersOfOneKeyShareOneCallWhileAnotherKeyDoesNotWait() throws Exception {
		CountDownLatch callStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			Future<String> first = pool.submit(() -> SingleFlight.join(this.flights, "a", () -> {
				calls.incrementAndGet();
				callStarted.countDown();
				await(release);
				return "A";
			}));
			assertThat(callStarted.await(5, TimeUnit.SECONDS)).isTrue();
			Future<String> second = pool.submit(() -> SingleFlight.join(this.flights, "a", () -> {
				calls.incrementAndGet();
				return "other";
			}));
			assertThat(SingleFlight.join(this.flights, "b", () -> "B")).as("key b while a is in flight")
				.isEqualTo("B");
			release.countDown();
			assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("A");
			assertThat(second.get(5, TimeUnit.SECONDS)).isIn("A", "other");
			assertThat(this.flights).isEmpty();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void aFinishedCallLeavesNothingBehindAndAFailureIsNotRemembered() {
		assertThat(SingleFlight.join(this.flights, "k", () -> "v1")).isEqualTo("v1");
		assertThat(SingleFlight.join(this.flights, "k", () -> "v2")).as("a new call once the first is done")
			.isEqualTo("v2");
		assertThatIllegalStateException().isThrownBy(() -> SingleFlight.join(this.flights, "f", () -> {
			throw new IllegalStateException("upstream down");
		})).withMessage("upstream down");
		assertThat(SingleFlight.join(this.flights, "f", () -> "recovered")).isEqualTo("recovered");
		assertThat(this.flights).isEmpty();
	}

	@Test
	void anErrorIsPassedOnAndLeavesNothingBehind() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(StackOverflowError.class)
			.isThrownBy(() -> SingleFlight.join(this.flights, "e", () -> {
				throw new StackOverflowError();
			}));
		assertThat(this.flights).isEmpty();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
