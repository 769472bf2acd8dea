package io.github.awsauth.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared cache against a real Redis: what one instance stores another reads, until it
 * expires; Redis down, slow or silent is a miss and never a failure.
 */
class RedisSharedCacheTests {

	private static final byte[] KEY = "the-instances-signing-key-0123456789".getBytes(StandardCharsets.UTF_8);

	private static RedisServer redis;

	private static LettuceConnectionFactory lookAt;

	private LettuceConnectionFactory first;

	private LettuceConnectionFactory second;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
		lookAt = redis.connectionFactory();
	}

	@AfterAll
	static void stopRedis() {
		if (lookAt != null) {
			lookAt.destroy();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@AfterEach
	void closeConnections() {
		for (LettuceConnectionFactory factory : new LettuceConnectionFactory[] { this.first, this.second }) {
			if (factory != null) {
				factory.destroy();
			}
		}
	}

	@Test
	void whatOneInstanceStoresAnotherReadsUnderThePrefixUntilItExpires() {
		this.first = redis.connectionFactory();
		this.second = redis.connectionFactory();
		RedisSharedCache one = cache(this.first, Duration.ofSeconds(5));
		RedisSharedCache other = cache(this.second, Duration.ofSeconds(5));

		one.put("iam:abc", "arn:aws:iam::123456789012:role/worker", Duration.ofSeconds(30));

		await().atMost(Duration.ofSeconds(5)).until(() -> other.get("iam:abc") != null);
		SharedCache.Entry entry = other.get("iam:abc");
		assertThat(entry.value()).isEqualTo("arn:aws:iam::123456789012:role/worker");
		assertThat(entry.timeLeft()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
		StringRedisTemplate stored = new StringRedisTemplate(lookAt);
		assertThat(stored.keys("*")).contains("test:iam:abc");
		assertThat(stored.getExpire("test:iam:abc")).isBetween(1L, 30L);
		assertThat(other.get("iam:unknown")).isNull();
	}

	@Test
	void aValueNotSealedWithTheSigningKeyIsNotTaken() {
		this.first = redis.connectionFactory();
		RedisSharedCache cache = cache(this.first, Duration.ofSeconds(5));
		RedisSharedCache otherKey = new RedisSharedCache(new StringRedisTemplate(this.first), "test:",
				"another-service-signing-key-0123456789".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2),
				Duration.ofSeconds(5), UpstreamHealth.unreported("redis"));
		StringRedisTemplate writer = new StringRedisTemplate(lookAt);
		cache.put("opa:sealed", "deny", Duration.ofSeconds(30));
		String sealed = writer.opsForValue().get("test:opa:sealed");
		assertThat(sealed).startsWith("deny|").hasSizeGreaterThan(50);

		writer.opsForValue().set("test:opa:planted", "allow");
		writer.opsForValue().set("test:opa:moved", sealed);
		String stretched = "deny|" + (System.currentTimeMillis() + 3_600_000) + sealed.substring(sealed.lastIndexOf('|'));
		writer.opsForValue().set("test:opa:stretched", stretched);
		writer.opsForValue().set("test:opa:flipped", "allow" + sealed.substring("deny".length()));
		writer.opsForValue().set("test:opa:signed", sealed.replace("deny|", "deny|+"));

		assertThat(cache.get("opa:sealed").value()).isEqualTo("deny");
		assertThat(cache.get("opa:planted")).as("no seal").isNull();
		assertThat(cache.get("opa:moved")).as("sealed for another key").isNull();
		assertThat(cache.get("opa:stretched")).as("its time changed").isNull();
		assertThat(cache.get("opa:flipped")).as("its value changed").isNull();
		assertThat(cache.get("opa:signed")).as("its time written another way").isNull();
		assertThat(otherKey.get("opa:sealed")).as("sealed with another key").isNull();
	}

	@Test
	void aValueWithNoTimeLeftIsNotStored() {
		this.first = redis.connectionFactory();
		RedisSharedCache cache = cache(this.first, Duration.ofSeconds(5));

		cache.put("iid:gone", "running", Duration.ZERO);
		cache.put("iid:kept", "running", Duration.ofSeconds(30));

		await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("iid:kept") != null);
		assertThat(cache.get("iid:gone")).isNull();
	}

	@Test
	void redisGoingDownIsAMissThenItIsUsedAgainOnceBack() {
		this.first = redis.connectionFactory();
		UpstreamHealth health = new UpstreamHealth("redis", "test", Clock.systemUTC());
		RedisSharedCache cache = new RedisSharedCache(new StringRedisTemplate(this.first), "test:", KEY,
				Duration.ofMillis(200), Duration.ZERO, health);
		cache.put("opa:1", "allow", Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("opa:1") != null);

		redis.stop();
		try {
			assertThat(cache.get("opa:1")).isNull();
			cache.put("opa:2", "deny", Duration.ofSeconds(30));
			assertThat(health.status().lastFailure()).startsWith("Redis");
		}
		finally {
			redis.restart();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			cache.put("opa:3", "allow", Duration.ofSeconds(30));
			SharedCache.Entry entry = cache.get("opa:3");
			return entry != null && "allow".equals(entry.value());
		});
		assertThat(health.status().lastFailure()).isNull();
	}

	@Test
	void aRedisThatNeverAnswersIsAMissAfterTheTimeoutAndThenLeftAloneForThePause() throws IOException {
		try (ServerSocket silent = new ServerSocket(0)) {
			this.first = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", silent.getLocalPort()));
			this.first.afterPropertiesSet();
			this.first.start();
			UpstreamHealth health = new UpstreamHealth("redis", "test", Clock.systemUTC());
			RedisSharedCache cache = new RedisSharedCache(new StringRedisTemplate(this.first), "test:", KEY,
					Duration.ofMillis(100), Duration.ofMinutes(5), health);

			assertThat(cache.get("iam:abc")).isNull();
			assertThat(health.status().lastFailure()).isEqualTo("Redis did not answer within 100 ms");
			java.time.Instant attempted = health.status().lastAttempt();
			assertThat(cache.get("iam:abc")).as("paused: Redis is not asked").isNull();
			assertThat(health.status().lastAttempt()).isEqualTo(attempted);
		}
	}

	private static RedisSharedCache cache(LettuceConnectionFactory factory, Duration pause) {
		return new RedisSharedCache(new StringRedisTemplate(factory), "test:", KEY, Duration.ofSeconds(2), pause,
				UpstreamHealth.unreported("redis"));
	}

}
