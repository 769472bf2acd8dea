package io.github.awsauth.jwt;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * The key sets of the trusted issuers, as the starter's decoder holds them: what an operator is
 * shown of them (health, never the keys themselves).
 */
public final class JwtKeySets {

	private final List<CachingJwkSource> sources = new CopyOnWriteArrayList<>();

	void add(CachingJwkSource source) {
		this.sources.add(source);
	}

	/**
	 * The state of each issuer's key set.
	 * @return one status per trusted issuer
	 */
	public List<Status> statuses() {
		return this.sources.stream().map(CachingJwkSource::status).toList();
	}

	/**
	 * The state of one issuer's key set.
	 *
	 * @param issuer the issuer
	 * @param keyIds the key ids of the key set last fetched, empty before the first fetch
	 * @param lastFetch when a key set was last fetched, or {@code null} if never
	 * @param lastAttempt when a fetch was last tried, or {@code null} if never
	 * @param lastAttemptFailed whether that try failed: the issuer's key server was unreachable or
	 * answered something that is not a key set
	 */
	public record Status(String issuer, List<String> keyIds, @Nullable Instant lastFetch,
			@Nullable Instant lastAttempt, boolean lastAttemptFailed) {

	}

}
