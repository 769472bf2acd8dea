package io.github.awsauth.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A cache every instance of the service shares ({@code aws.auth.cache.type: redis}), behind each
 * instance's own cache and in front of an upstream each instance would otherwise ask for itself:
 * what one instance learnt from STS, EC2 or a decision point, the others reuse, no longer than the
 * first was allowed to. A key is a digest or an identifier, never a credential; a value is what the
 * upstream answered. A shared cache that cannot be reached behaves as an empty one: it never fails
 * a request.
 */
public interface SharedCache {

	/** No shared cache: each instance asks its upstreams itself. */
	SharedCache NONE = new SharedCache() {

		@Override
		public @Nullable Entry get(String key) {
			return null;
		}

		@Override
		public void put(String key, String value, Duration timeToLive) {
		}

	};

	/**
	 * What an instance stored under a key, while it may still be used.
	 * @param key the key, such as {@code iam:<SHA-256 of the request sent to STS>}
	 * @return the value and its time left, or {@code null} when there is none, it has expired, it
	 * was not written by an instance of this service, or the cache cannot be reached
	 */
	@Nullable Entry get(String key);

	/**
	 * Store a value for every instance; nothing is stored when the cache cannot be reached.
	 * @param key the key
	 * @param value the value
	 * @param timeToLive how long it may be used; nothing is stored when it is not positive
	 */
	void put(String key, String value, Duration timeToLive);

	/**
	 * A value another instance stored.
	 *
	 * @param value the value
	 * @param timeLeft how much longer it may be used, by this instance's own cache too
	 */
	record Entry(String value, Duration timeLeft) {

		/**
		 * How long this instance may keep the value: its time left, and no longer than this
		 * instance's own time to live (the writer's clock may be ahead, or its TTL longer).
		 * @param timeToLive this instance's time to live for such values
		 * @return the shorter of the two
		 */
		public Duration timeLeft(Duration timeToLive) {
			return (this.timeLeft.compareTo(timeToLive) <= 0) ? this.timeLeft : timeToLive;
		}

	}

}
