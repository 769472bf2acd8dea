package io.github.awsauth.core;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared cache on Redis, through the application's Redis connection. Each value is sealed with
 * the instances' signing key ({@link SealedValues}), so that only an instance of the service can
 * store what another takes. A call waits for Redis at most {@code timeout}: Redis being slow or
 * down is a miss, never a failed request.
 * After a failure Redis is left alone for {@code pauseAfterFailure}, so that while it is down
 * requests do not each wait out the timeout. A write is waited for too (it follows an upstream
 * call, which costs more), so that once a request is answered, the other instances can reuse what
 * it learnt. Each key is
 * {@code keyPrefix} + the caller's key, and expires in Redis with its value.
 */
public final class RedisSharedCache implements SharedCache, InitializingBean, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisSharedCache.class);

	private static final int THREADS = 4;

	private static final int QUEUED = 1024;

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final SealedValues sealed;

	private final long timeoutNanos;

	private final long pauseNanos;

	private final UpstreamHealth health;

	private final ThreadPoolExecutor calls;

	private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	/**
	 * Create the cache.
	 * @param redis the application's Redis, as strings
	 * @param keyPrefix what every key starts with
	 * @param signingKey the key the instances seal values with, the same for all of them
	 * @param timeout the longest a call waits for Redis
	 * @param pauseAfterFailure how long Redis is not asked after it failed
	 * @param health where each call is recorded
	 */
	public RedisSharedCache(StringRedisTemplate redis, String keyPrefix, byte[] signingKey, Duration timeout,
			Duration pauseAfterFailure, UpstreamHealth health) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.sealed = new SealedValues(signingKey, Clock.systemUTC());
		this.timeoutNanos = timeout.toNanos();
		this.pauseNanos = pauseAfterFailure.toNanos();
		this.health = health;
		AtomicInteger threads = new AtomicInteger();
		this.calls = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
				(task) -> {
					Thread thread = new Thread(task, "aws-auth-redis-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.calls.allowCoreThreadTimeOut(true);
	}

	/**
	 * Connect to Redis in the background, so that the first request does not wait for the
	 * connection (which takes longer than the timeout) and find the shared cache paused.
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			this.calls.execute(() -> {
				try {
					this.redis.execute((RedisCallback<String>) RedisConnection::ping);
					this.health.reached();
				}
				catch (RuntimeException ex) {
					this.health.unreachable("Redis failed: " + ex.getClass().getSimpleName());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// closed already
		}
	}

	@Override
	public @Nullable Entry get(String key) {
		String stored = paused() ? null : bounded(() -> this.redis.opsForValue().get(this.keyPrefix + key));
		Entry entry = this.sealed.open(this.keyPrefix + key, stored);
		if (stored != null && entry == null) {
			logger.debug("A value in Redis under " + this.keyPrefix + key + " is expired or was not sealed "
					+ "with this service's signing key; it is not used");
		}
		((entry != null) ? this.hits : this.misses).increment();
		return entry;
	}

	/**
	 * How many reads found a value another instance stored.
	 * @return the count since start-up
	 */
	public long hits() {
		return this.hits.sum();
	}

	/**
	 * How many reads found none, Redis being down, slow or paused included.
	 * @return the count since start-up
	 */
	public long misses() {
		return this.misses.sum();
	}

	@Override
	public void put(String key, String value, Duration timeToLive) {
		if (timeToLive.toMillis() > 0 && !paused()) {
			String sealedValue;
			try {
				sealedValue = this.sealed.seal(this.keyPrefix + key, value, timeToLive);
			}
			catch (ArithmeticException | DateTimeException ex) {
				// a time to live past what a timestamp holds: not stored
				return;
			}
			bounded(() -> {
				this.redis.opsForValue().set(this.keyPrefix + key, sealedValue, timeToLive);
				return sealedValue;
			});
		}
	}

	/** A call to Redis, waited for at most the timeout; {@code null} when it failed or took longer. */
	private @Nullable String bounded(Callable<@Nullable String> call) {
		Future<@Nullable String> answer;
		try {
			answer = this.calls.submit(call);
		}
		catch (RejectedExecutionException ex) {
			// more calls waiting than Redis takes: this one is a miss
			return null;
		}
		try {
			String value = answer.get(this.timeoutNanos, TimeUnit.NANOSECONDS);
			this.health.reached();
			return value;
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			failed("Redis did not answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			failed("Redis failed: " + ex.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private boolean paused() {
		return System.nanoTime() - this.pausedUntil.get() < 0;
	}

	private void failed(String why) {
		this.health.unreachable(why);
		long until = this.pausedUntil.get();
		long now = System.nanoTime();
		if (now - until >= 0 && this.pausedUntil.compareAndSet(until, now + this.pauseNanos)) {
			logger.warn(why + "; the shared cache is not used for the next "
					+ Duration.ofNanos(this.pauseNanos).toMillis() + " ms (each instance asks its upstreams itself)");
		}
	}

	@Override
	public void close() {
		this.calls.shutdownNow();
	}

}
