package io.github.awsauth.jwt;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.awsauth.core.CryptoProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One issuer's signing keys, fetched lazily and cached.
 * <ul>
 * <li>Each fetched key is made a ready {@link PublicKey} of the {@link CryptoProvider} once, when
 * the key set is fetched, not for every token ({@link #publicKeys(JWSHeader)}).</li>
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

	/** Until when the keys the last selection on this thread came from are trusted. */
	private static final ThreadLocal<Instant> KEYS_USED = new ThreadLocal<>();

	private final String issuerUri;

	private final JwkSetLoader loader;

	private final Duration maxAge;

	private final Duration cooldown;

	private final Clock clock;

	private final CryptoProvider crypto;

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
		this(issuerUri, loader, maxAge, cooldown, clock, CryptoProvider.jdk());
	}

	/**
	 * Create a key source whose keys are verified with a provider.
	 * @param issuerUri the issuer, for log messages
	 * @param loader fetches the key set
	 * @param maxAge how long a fetched key set is used before it is fetched again
	 * @param cooldown least time between two fetches
	 * @param clock the clock
	 * @param crypto the provider the keys are made for
	 */
	public CachingJwkSource(String issuerUri, JwkSetLoader loader, Duration maxAge, Duration cooldown, Clock clock,
			CryptoProvider crypto) {
		this.issuerUri = issuerUri;
		this.loader = loader;
		this.maxAge = maxAge;
		this.cooldown = cooldown;
		this.clock = clock;
		this.crypto = crypto;
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
		return select(selector).keys();
	}

	/**
	 * The ready public keys that may have signed a token: those of the issuer's keys that the
	 * header's {@code kid} and algorithm select, as Nimbus's {@code JWSVerificationKeySelector}
	 * selects them ({@link JWKMatcher#forJWSHeader}).
	 * @param header the token's header
	 * @return the keys, empty when none fits
	 * @throws KeySourceException when no key fits while the key set could not be fetched
	 */
	public List<Key> publicKeys(JWSHeader header) throws KeySourceException {
		JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
		if (matcher == null) {
			return List.of();
		}
		Selection selection = select(new JWKSelector(matcher));
		Snapshot snapshot = selection.snapshot();
		if (snapshot == null) {
			return List.of();
		}
		KEYS_USED.set(snapshot.fetchedAt().plus(this.maxAge));
		List<Key> keys = new ArrayList<>(selection.keys().size());
		for (JWK jwk : selection.keys()) {
			PublicKey key = snapshot.publicKeys().get(jwk);
			if (key != null) {
				keys.add(key);
			}
		}
		return keys;
	}

	/**
	 * Forget which keys this thread used, before a token is verified.
	 */
	static void forgetKeysUsed() {
		KEYS_USED.remove();
	}

	/**
	 * Until when the keys that verified this thread's last token may vouch for it without their
	 * key set being fetched again: {@code maxAge} after the fetch of the very key set they were
	 * selected from (not the one current now, which a concurrent fetch may have replaced).
	 * @return that time, or {@link Instant#MIN} when this thread selected no keys since
	 * {@link #forgetKeysUsed()}
	 */
	static Instant keysUsedTrustedUntil() {
		Instant until = KEYS_USED.get();
		KEYS_USED.remove();
		return (until != null) ? until : Instant.MIN;
	}

	private Selection select(JWKSelector selector) throws KeySourceException {
		Snapshot cached = this.snapshot;
		if (cached != null) {
			List<JWK> keys = selector.select(cached.keys());
			if (!keys.isEmpty()) {
				if (cached.isOlderThan(this.maxAge, this.clock.instant()) && this.fetchLock.tryLock()) {
					Snapshot refreshed = refreshHoldingLock(cached);
					if (refreshed != null && refreshed != cached) {
						// a key the issuer removed stops vouching now, not a max-age later
						return new Selection(selector.select(refreshed.keys()), refreshed);
					}
				}
				return new Selection(keys, cached);
			}
		}
		Snapshot refreshed = refresh(cached);
		List<JWK> keys = (refreshed != null) ? selector.select(refreshed.keys()) : List.of();
		if (keys.isEmpty() && this.lastFetchFailed) {
			// the key may exist: the issuer could not be asked, so the token was not judged
			throw new KeySourceException("Signing keys of " + this.issuerUri + " are not available");
		}
		return new Selection(keys, refreshed);
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
				Snapshot fetched = Snapshot.of(this.loader.load(), this.crypto, now);
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

	/**
	 * What is known of this issuer's key set, for operators.
	 * @return its status
	 */
	JwtKeySets.Status status() {
		Snapshot current = this.snapshot;
		List<String> keyIds = (current != null) ? current.keys()
			.getKeys()
			.stream()
			.map(JWK::getKeyID)
			.filter(Objects::nonNull)
			.toList() : List.of();
		return new JwtKeySets.Status(this.issuerUri, keyIds, (current != null) ? current.fetchedAt() : null,
				this.lastFetchAttempt, this.lastFetchFailed);
	}

	/** Keys selected from one snapshot, whose ready keys they are looked up in (none: no snapshot). */
	private record Selection(List<JWK> keys, @Nullable Snapshot snapshot) {

	}

	/**
	 * A fetched key set and its keys ready for the provider, by identity of the key set's JWKs;
	 * a key that cannot be made a public key (a symmetric one, an EC point off its curve) is left
	 * out, as Nimbus's {@code KeyConverter} leaves it out.
	 */
	private record Snapshot(JWKSet keys, Map<JWK, PublicKey> publicKeys, Instant fetchedAt) {

		static Snapshot of(JWKSet keys, CryptoProvider crypto, Instant fetchedAt) {
			Map<JWK, PublicKey> publicKeys = new IdentityHashMap<>();
			for (JWK jwk : keys.getKeys()) {
				if (jwk instanceof AsymmetricJWK asymmetric) {
					try {
						publicKeys.put(jwk, crypto.publicKey(asymmetric.toPublicKey()));
					}
					catch (JOSEException | GeneralSecurityException ex) {
						logger.warn("Left out signing key '" + jwk.getKeyID() + "' of the fetched key set: it cannot "
								+ "be used with " + crypto.name() + " (" + ex + ")");
					}
				}
			}
			return new Snapshot(keys, publicKeys, fetchedAt);
		}

		boolean isOlderThan(Duration age, Instant now) {
			return now.isAfter(this.fetchedAt.plus(age));
		}

	}

}
