package io.github.awsauth.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * What one of the starter's caches holds and how often it answered, for the {@code awsauth}
 * endpoint and the metrics.
 *
 * @param size the entries held now (an estimate)
 * @param hits the look-ups it answered since start-up
 * @param misses the look-ups it could not answer
 */
public record CacheStatistics(long size, long hits, long misses) {

	/**
	 * The statistics of a Caffeine cache built with {@code recordStats()}.
	 * @param cache the cache
	 * @return its size, hits and misses now
	 */
	public static CacheStatistics of(Cache<?, ?> cache) {
		CacheStats stats = cache.stats();
		return new CacheStatistics(cache.estimatedSize(), stats.hitCount(), stats.missCount());
	}

	/**
	 * The share of look-ups answered.
	 * @return between 0 and 1; 0 before the first look-up
	 */
	public double hitRate() {
		long lookUps = this.hits + this.misses;
		return (lookUps == 0) ? 0 : (double) this.hits / lookUps;
	}

}
