package io.github.awsauth.autoconfigure;

import java.util.function.ToLongFunction;

import io.github.awsauth.core.Caches;
import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.UpstreamHealth;
import io.github.awsauth.core.Upstreams;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The calls to each upstream ({@value #CALLS}, tagged {@code upstream} and {@code outcome}:
 * {@code success} when it answered, whatever it said of the credential, {@code failure} when it did
 * not) and the reads of the shared cache ({@value #SHARED_CACHE}, tagged {@code result}: {@code hit},
 * {@code miss}), and the look-ups ({@value #CACHE_GETS}, tagged {@code cache} and {@code result}) and
 * sizes ({@value #CACHE_SIZE}) of the mechanisms' own caches, read from the records the clients keep. Registered once every upstream is, after
 * the singletons are made.
 */
final class UpstreamMetrics implements SmartInitializingSingleton {

	static final String CALLS = "aws.auth.upstream.calls";

	static final String SHARED_CACHE = "aws.auth.shared-cache.gets";

	static final String CACHE_GETS = "aws.auth.cache.gets";

	static final String CACHE_SIZE = "aws.auth.cache.size";

	private final ObjectProvider<MeterRegistry> registries;

	private final Upstreams upstreams;

	private final ObjectProvider<SharedCache> shared;

	private final Caches caches;

	UpstreamMetrics(ObjectProvider<MeterRegistry> registries, Upstreams upstreams, ObjectProvider<SharedCache> shared,
			Caches caches) {
		this.registries = registries;
		this.upstreams = upstreams;
		this.shared = shared;
		this.caches = caches;
	}

	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry registry = this.registries.getIfUnique();
		if (registry == null) {
			return;
		}
		for (UpstreamHealth upstream : this.upstreams.list()) {
			String name = upstream.status().name();
			calls(registry, upstream, name, "success", (health) -> health.status().answered());
			calls(registry, upstream, name, "failure", (health) -> health.status().failed());
		}
		if (this.shared.getIfAvailable() instanceof RedisSharedCache redis) {
			gets(registry, redis, "hit", RedisSharedCache::hits);
			gets(registry, redis, "miss", RedisSharedCache::misses);
		}
		this.caches.readers().forEach((name, statistics) -> {
			FunctionCounter.builder(CACHE_GETS, statistics, (read) -> read.get().hits())
				.description("Look-ups in the starter's caches")
				.tag("cache", name)
				.tag("result", "hit")
				.register(registry);
			FunctionCounter.builder(CACHE_GETS, statistics, (read) -> read.get().misses())
				.description("Look-ups in the starter's caches")
				.tag("cache", name)
				.tag("result", "miss")
				.register(registry);
			Gauge.builder(CACHE_SIZE, statistics, (read) -> read.get().size())
				.description("Entries held by the starter's caches")
				.tag("cache", name)
				.register(registry);
		});
	}

	private static void calls(MeterRegistry registry, UpstreamHealth upstream, String name, String outcome,
			ToLongFunction<UpstreamHealth> count) {
		FunctionCounter.builder(CALLS, upstream, (health) -> count.applyAsLong(health))
			.description("Calls of the starter to the upstreams it depends on")
			.tag("upstream", name)
			.tag("outcome", outcome)
			.register(registry);
	}

	private static void gets(MeterRegistry registry, RedisSharedCache cache, String result,
			ToLongFunction<RedisSharedCache> count) {
		FunctionCounter.builder(SHARED_CACHE, cache, (redis) -> count.applyAsLong(redis))
			.description("Reads of the cache the instances share")
			.tag("result", result)
			.register(registry);
	}

}
