package io.github.awsauth.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The cache every instance shares, with {@code aws.auth.cache.type: redis}: on the application's
 * Redis connection ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SharedCacheConfiguration.RedisCacheType.class)
class SharedCacheConfiguration {

	private static final String PROPERTY = "aws.auth.cache.type";

	private static final String PREFIX = "aws.auth.cache.redis";

	private static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

	private static final int MIN_SIGNING_KEY = 32;

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	/** {@code aws.auth.cache.type} as it binds ({@code REDIS}, {@code re-dis}), not as a string. */
	static class RedisCacheType extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			CacheProperties.Type type = Binder.get(context.getEnvironment())
				.bind(PROPERTY, CacheProperties.Type.class)
				.orElse(CacheProperties.Type.LOCAL);
			return (type == CacheProperties.Type.REDIS) ? ConditionOutcome.match(PROPERTY + " is redis")
					: ConditionOutcome.noMatch(PROPERTY + " is local");
		}

	}

	/** Redis asked for without Spring Data Redis: each instance would call STS for itself, unnoticed. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.core.StringRedisTemplate")
	static class RedisMissing {

		RedisMissing() {
			throw new AwsAuthConfigurationException(PROPERTY, "the shared cache needs Spring Data Redis",
					"Add org.springframework.boot:spring-boot-starter-data-redis and set spring.data.redis.host, "
							+ "or set " + PROPERTY + " to local.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
	static class RedisConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SharedCache awsAuthSharedCache(AwsAuthProperties properties, ObjectProvider<RedisConnectionFactory> redis,
				Upstreams upstreams) {
			RedisConnectionFactory connections = redis.getIfAvailable();
			if (connections == null) {
				throw new AwsAuthConfigurationException(PROPERTY, "the shared cache needs a Redis connection",
						"Add org.springframework.boot:spring-boot-starter-data-redis and set spring.data.redis.host, "
								+ "or set " + PROPERTY + " to local.");
			}
			CacheProperties.Redis settings = properties.getCache().getRedis();
			if (!isPositive(settings.getTimeout()) || settings.getTimeout().compareTo(MAX_TIMEOUT) > 0) {
				throw new AwsAuthConfigurationException(PREFIX + ".timeout", "it is not between 0 and 10s",
						"Set it to how long a request may wait for Redis, such as 100ms.");
			}
			if (!isPositive(settings.getPauseAfterFailure())) {
				throw new AwsAuthConfigurationException(PREFIX + ".pause-after-failure", "it is not positive",
						"Set it to how long Redis is left alone after a failure, such as 5s.");
			}
			String signingKey = settings.getSigningKey();
			if (signingKey == null || signingKey.length() < MIN_SIGNING_KEY) {
				throw new AwsAuthConfigurationException(PREFIX + ".signing-key",
						(signingKey == null) ? "no signing key is set" : "the signing key is shorter than 32 characters",
						"Set it to a random secret of at least 32 characters, the same on every instance "
								+ "(openssl rand -base64 32), from the service's secrets.");
			}
			return new RedisSharedCache(new StringRedisTemplate(connections), settings.getKeyPrefix(),
					signingKey.getBytes(StandardCharsets.UTF_8), settings.getTimeout(), settings.getPauseAfterFailure(),
					upstreams.register("redis", "spring.data.redis, keys " + settings.getKeyPrefix() + "*"));
		}

	}

}
