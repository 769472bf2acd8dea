package io.github.awsauth.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One upstream call at a time per key, and never a lock across keys: the first caller for a key
 * makes the call on its own thread, outside any lock; concurrent callers for the same key wait for
 * it and share its result or its failure. (Caffeine's {@code cache.get(key, loader)} runs the
 * loader while holding a lock that other keys share, so a slow upstream would stall them.)
 */
public final class SingleFlight {

	private SingleFlight() {
	}

	/**
	 * The result for a key.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param flights the calls in flight, a plain concurrent map; a call leaves it when it is done,
	 * so results are cached by the caller, not here (a Caffeine {@code AsyncCache}'s map, used as
	 * both, logs a warning with a stack trace for every failed call)
	 * @param key the key
	 * @param call the upstream call; it may throw
	 * @return the result of this caller's call or of the one in flight
	 */
	public static <K, V> V join(ConcurrentMap<K, CompletableFuture<V>> flights, K key, Supplier<V> call) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> existing = flights.putIfAbsent(key, mine);
		if (existing == null) {
			try {
				V result = call.get();
				flights.remove(key, mine);
				mine.complete(result);
			}
			catch (Throwable ex) {
				// an Error too: a future left incomplete would make every later caller wait forever
				flights.remove(key, mine);
				mine.completeExceptionally(ex);
			}
		}
		try {
			return ((existing != null) ? existing : mine).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
