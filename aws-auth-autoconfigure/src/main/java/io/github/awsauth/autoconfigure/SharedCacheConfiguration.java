package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The cache every instance shares, with {@code aws.auth.cache.type: redis}: on the application's
 * Redis connection ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aws.auth.cache.type", havingValue = "redis")
class SharedCacheConfiguration {

	private static final String PROPERTY = "aws.auth.cache.type";

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
			if (settings.getTimeout().isNegative() || settings.getTimeout().isZero()) {
				throw new AwsAuthConfigurationException("aws.auth.cache.redis.timeout", "it is not positive",
						"Set it to how long a request may wait for Redis, such as 100ms.");
			}
			return new RedisSharedCache(new StringRedisTemplate(connections), settings.getKeyPrefix(),
					settings.getTimeout(), settings.getPauseAfterFailure(),
					upstreams.register("redis", "spring.data.redis, keys " + settings.getKeyPrefix() + "*"));
		}

	}

}
