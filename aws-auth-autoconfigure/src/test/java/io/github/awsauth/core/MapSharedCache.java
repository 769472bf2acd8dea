package io.github.awsauth.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A shared cache in memory, for tests of what its users store and take; {@link RedisSharedCacheTests}
 * holds Redis to the same contract.
 */
public final class MapSharedCache implements SharedCache {

	/** What was stored, by key. */
	public final Map<String, String> values = new ConcurrentHashMap<>();

	/** How long each value was stored for, by key. */
	public final Map<String, Duration> timesToLive = new ConcurrentHashMap<>();

	@Override
	public @Nullable Entry get(String key) {
		String value = this.values.get(key);
		return (value != null) ? new Entry(value, this.timesToLive.get(key)) : null;
	}

	@Override
	public void put(String key, String value, Duration timeToLive) {
		if (timeToLive.toMillis() > 0) {
			this.values.put(key, value);
			this.timesToLive.put(key, timeToLive);
		}
	}

}
