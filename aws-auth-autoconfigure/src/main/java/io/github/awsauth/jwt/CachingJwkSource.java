package io.github.awsauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One issuer's signing keys, fetched lazily and cached.
 * <ul>
 * <li>The first token fetches the key set; the application starts while the issuer is down.</li>
 * <li>A key set older than {@code maxAge} is fetched again; until that succeeds the cached keys
 * keep working.</li>
 * <li>A token with an unknown {@code kid} fetches the key set again, but two fetches are at least
 * {@code cooldown} apart, whatever their outcome, so a flood of unknown {@code kid}s (or an issuer
 * outage) causes one fetch per cooldown.</li>
 * <li>One fetch at a time: requests that need one wait for it and share its result.</li>
 * <li>A token whose key is not cached while the last fetch failed cannot be judged: it raises a
 * {@link KeySourceException} (answered 503), not "no matching key" (401).</li>
 * </ul>
 * Nimbus's {@code JWKSourceBuilder} was not used because its rate limiter allows two fetches per
 * interval, does not apply after failed fetches, and needs the key set URI up front.
 */
public class CachingJwkSource implements JWKSource<SecurityContext> {

	private static final Log logger = LogFactory.getLog(CachingJwkSource.class);

	private final String issuerUri;

	private final JwkSetLoader loader;

	private final Duration maxAge;

	private final Duration cooldown;

	private final Clock clock;

	private final ReentrantLock fetchLock = new ReentrantLock();

	private volatile @Nullable Snapshot snapshot;

	private volatile @Nullable Instant lastFetchAttempt;

	private volatile boolean lastFetchFailed;

	/**
	 * Create a key source.
	 * @param issuerUri the issuer, for log messages
	 * @param loader fetches the key set
	 * @param maxAge how long a fetched key set is used before it is fetched again
	 * @param cooldown least time between two fetches
	 * @param clock the clock
	 */
	public CachingJwkSource(String issuerUri, JwkSetLoader loader, Duration maxAge, Duration cooldown, Clock clock) {
		this.issuerUri = issuerUri;
		this.loader = loader;
		this.maxAge = maxAge;
		this.cooldown = cooldown;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
		Snapshot cached = this.snapshot;
		if (cached != null) {
			List<JWK> keys = selector.select(cached.keys());
			if (!keys.isEmpty()) {
				if (cached.isOlderThan(this.maxAge, this.clock.instant()) && this.fetchLock.tryLock()) {
					refreshHoldingLock(cached);
				}
				return keys;
			}
		}
		Snapshot refreshed = refresh(cached);
		List<JWK> keys = (refreshed != null) ? selector.select(refreshed.keys()) : List.of();
		if (keys.isEmpty() && this.lastFetchFailed) {
			// the key may exist: the issuer could not be asked, so the token was not judged
			throw new KeySourceException("Signing keys of " + this.issuerUri + " are not available");
		}
		return keys;
	}

	private @Nullable Snapshot refresh(@Nullable Snapshot seen) {
		this.fetchLock.lock();
		return refreshHoldingLock(seen);
	}

	private @Nullable Snapshot refreshHoldingLock(@Nullable Snapshot seen) {
		try {
			Snapshot current = this.snapshot;
			if (current != seen) {
				return current;
			}
			Instant now = this.clock.instant();
			Instant last = this.lastFetchAttempt;
			if (last != null && now.isBefore(last.plus(this.cooldown))) {
				return current;
			}
			this.lastFetchAttempt = now;
			try {
				Snapshot fetched = new Snapshot(this.loader.load(), now);
				this.snapshot = fetched;
				this.lastFetchFailed = false;
				return fetched;
			}
			catch (Exception ex) {
				this.lastFetchFailed = true;
				logger.warn("Could not fetch the signing keys of issuer " + this.issuerUri + ": " + ex);
				return current;
			}
		}
		finally {
			this.fetchLock.unlock();
		}
	}

	private record Snapshot(JWKSet keys, Instant fetchedAt) {

		boolean isOlderThan(Duration age, Instant now) {
			return now.isAfter(this.fetchedAt.plus(age));
		}

	}

}
