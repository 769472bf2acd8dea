package io.github.awsauth.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where the answers of upstreams are cached ({@code aws.auth.cache}).
 */
public class CacheProperties {

	/**
	 * Where the answers of STS, of the EC2 live check and of the decision points (OPA, Verified
	 * Permissions) are cached. local: in each instance; redis: also in Redis, through the
	 * application's spring.data.redis connection, so that one instance's answer serves every
	 * instance (STS is asked once per token, not once per instance). Redis holds digests and
	 * answers, never a credential.
	 */
	private Type type = Type.LOCAL;

	/**
	 * The shared cache on Redis.
	 */
	private final Redis redis = new Redis();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/** Where answers are cached. */
	public enum Type {

		/** In each instance. */
		LOCAL,

		/** In each instance and in Redis. */
		REDIS

	}

	/** The shared cache on Redis. */
	public static class Redis {

		/**
		 * What every key the starter stores starts with.
		 */
		private String keyPrefix = "aws-auth:";

		/**
		 * The longest a request waits for Redis; a slower answer is a cache miss.
		 */
		private Duration timeout = Duration.ofMillis(100);

		/**
		 * How long Redis is not asked after a call to it failed or timed out.
		 */
		private Duration pauseAfterFailure = Duration.ofSeconds(5);

		/**
		 * The secret every instance seals what it stores with (HMAC-SHA256), at least 32
		 * characters, the same on every instance: a value in Redis that was not sealed with it is
		 * not used, so whoever can write to Redis cannot plant an identity or a decision. Required
		 * with type redis; keep it with the service's other secrets.
		 */
		private @Nullable String signingKey;

		public @Nullable String getSigningKey() {
			return this.signingKey;
		}

		public void setSigningKey(@Nullable String signingKey) {
			this.signingKey = signingKey;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getPauseAfterFailure() {
			return this.pauseAfterFailure;
		}

		public void setPauseAfterFailure(Duration pauseAfterFailure) {
			this.pauseAfterFailure = pauseAfterFailure;
		}

	}

}
