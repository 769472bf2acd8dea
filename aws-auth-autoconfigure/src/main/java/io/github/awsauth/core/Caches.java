package io.github.awsauth.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The caches of the configured mechanisms (verified JWTs and ALB headers, STS's answers), each
 * with how to read its statistics: what the {@code awsauth} endpoint and the metrics report.
 */
public final class Caches {

	private final Map<String, Supplier<CacheStatistics>> caches = new ConcurrentHashMap<>();

	/**
	 * Register a cache.
	 * @param name the name it is reported under, for example {@code jwt.verified}
	 * @param statistics how to read its statistics
	 */
	public void register(String name, Supplier<CacheStatistics> statistics) {
		this.caches.put(name, statistics);
	}

	/**
	 * Each cache's statistics now, by name.
	 * @return the statistics, sorted by name
	 */
	public Map<String, CacheStatistics> statistics() {
		Map<String, CacheStatistics> statistics = new LinkedHashMap<>();
		this.caches.keySet().stream().sorted().forEach((name) -> statistics.put(name, this.caches.get(name).get()));
		return statistics;
	}

	/**
	 * How to read each cache's statistics, by name.
	 * @return the readers
	 */
	public Map<String, Supplier<CacheStatistics>> readers() {
		return Map.copyOf(this.caches);
	}

}
