package io.github.awsauth.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

/**
 * What a credential was verified to be, so that its signature is not verified again while the
 * verification stands: keyed by the SHA-256 of the credential's exact text (not by the text, so a
 * lookup compares digests, and a credential one byte apart is another key), bounded in size, each
 * entry trusted until its own time and no longer. A cache of size 0 keeps nothing.
 *
 * @param <V> what a verification yields
 */
public final class VerifiedCache<V> {

	private final @Nullable Cache<Sha256.Digest, Verified<V>> verified;

	private final Clock clock;

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	/**
	 * Create a cache.
	 * @param maxSize the most credentials kept; 0 keeps none
	 * @param clock the clock the trust times are checked against
	 */
	public VerifiedCache(long maxSize, Clock clock) {
		this.clock = clock;
		this.verified = (maxSize > 0) ? RequestPathCaches.newBuilder()
			.maximumSize(maxSize)
			.expireAfter(Expiry.creating((Sha256.Digest key, Verified<V> entry) -> entry.timeLeft(clock.instant())))
			.build() : null;
	}

	/**
	 * What a credential was verified to be, while that stands.
	 * @param credential the credential's exact text
	 * @return the verified value, or {@code null} when it is not cached or no longer trusted
	 */
	public @Nullable V get(String credential) {
		if (this.verified == null) {
			this.misses.increment();
			return null;
		}
		Verified<V> entry = this.verified.getIfPresent(Sha256.digest(credential));
		boolean hit = entry != null && this.clock.instant().isBefore(entry.trustedUntil());
		(hit ? this.hits : this.misses).increment();
		return hit ? entry.value() : null;
	}

	/**
	 * Remember a verification; one that no longer stands is not kept.
	 * @param credential the credential's exact text
	 * @param value what it was verified to be
	 * @param trustedUntil when the verification stops standing (the credential's expiry, at most)
	 */
	public void put(String credential, V value, Instant trustedUntil) {
		if (this.verified != null && this.clock.instant().isBefore(trustedUntil)) {
			this.verified.put(Sha256.digest(credential), new Verified<>(value, trustedUntil));
		}
	}

	/**
	 * How many credentials are kept now, for monitoring.
	 * @return the estimated number of entries
	 */
	public long size() {
		return (this.verified != null) ? this.verified.estimatedSize() : 0;
	}

	/**
	 * What the cache holds and how often it answered.
	 * @return the statistics since it was made
	 */
	public CacheStatistics statistics() {
		return new CacheStatistics(size(), this.hits.sum(), this.misses.sum());
	}

	private record Verified<V>(V value, Instant trustedUntil) {

		Duration timeLeft(Instant now) {
			Duration left = Duration.between(now, this.trustedUntil);
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

}
