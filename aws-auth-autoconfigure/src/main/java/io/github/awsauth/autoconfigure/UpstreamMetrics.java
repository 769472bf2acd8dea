package io.github.awsauth.autoconfigure;

import java.util.function.ToLongFunction;

import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.UpstreamHealth;
import io.github.awsauth.core.Upstreams;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The calls to each upstream ({@value #CALLS}, tagged {@code upstream} and {@code outcome}:
 * {@code success} when it answered, whatever it said of the credential, {@code failure} when it did
 * not) and the reads of the shared cache ({@value #SHARED_CACHE}, tagged {@code result}: {@code hit},
 * {@code miss}), read from the records the clients keep. Registered once every upstream is, after
 * the singletons are made.
 */
final class UpstreamMetrics implements SmartInitializingSingleton {

	static final String CALLS = "aws.auth.upstream.calls";

	static final String SHARED_CACHE = "aws.auth.shared-cache.gets";

	private final ObjectProvider<MeterRegistry> registries;

	private final Upstreams upstreams;

	private final ObjectProvider<SharedCache> shared;

	UpstreamMetrics(ObjectProvider<MeterRegistry> registries, Upstreams upstreams, ObjectProvider<SharedCache> shared) {
		this.registries = registries;
		this.upstreams = upstreams;
		this.shared = shared;
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
