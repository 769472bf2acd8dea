package io.github.awsauth.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.VerifiedCache;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token whose signature and claims were verified is not verified again while it is cached: the
 * cache holds the decoded token under the SHA-256 of its exact text, for no longer than the token
 * lives and no longer than the keys it was verified with are trusted without the key set being
 * fetched again ({@code jwks.max-age} after their fetch), so a key that leaves the issuer's key set
 * stops vouching for cached tokens when it stops vouching for new ones. A token is cached only once
 * every check passed. What the token's text decides ({@code iss}, {@code typ}, {@code token_use}, the
 * audience, {@code nbf}) cannot change while it is cached, and its {@code exp} is where the cache
 * stops trusting it; what the request or the application decides (the client certificate a token is
 * bound to, the application's validators) is checked on every request, cached or not.
 */
final class VerifiedJwtCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> everyCheck;

	private final OAuth2TokenValidator<Jwt> requestChecks;

	private final Supplier<Instant> keysTrustedUntil;

	private final Clock clock;

	private final VerifiedCache<Jwt> verified;

	/**
	 * Create the cache.
	 * @param verifier decodes a token and verifies its signature, validating no claim
	 * @param everyCheck validates the claims of a token not cached: all the checks
	 * @param requestChecks validates a cached token: the checks whose outcome the request or the
	 * application decides
	 * @param keysTrustedUntil until when the keys that verified the token just decoded on this
	 * thread are trusted
	 * @param maxSize how many verified tokens are kept at most
	 * @param clock the clock
	 */
	VerifiedJwtCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyCheck,
			OAuth2TokenValidator<Jwt> requestChecks, Supplier<Instant> keysTrustedUntil, long maxSize, Clock clock) {
		this.verifier = verifier;
		this.everyCheck = everyCheck;
		this.requestChecks = requestChecks;
		this.keysTrustedUntil = keysTrustedUntil;
		this.clock = clock;
		this.verified = new VerifiedCache<>(maxSize, clock);
	}

	/**
	 * What the cache holds and how often it answered.
	 * @return the statistics
	 */
	CacheStatistics statistics() {
		return this.verified.statistics();
	}

	@Override
	public Jwt decode(String token) {
		Jwt cached = this.verified.get(token);
		if (cached != null) {
			return validated(cached, this.requestChecks);
		}
		CachingJwkSource.forgetKeysUsed();
		Jwt jwt = validated(this.verifier.decode(token), this.everyCheck);
		Instant expiry = jwt.getExpiresAt();
		if (expiry != null) {
			Instant keyTrust = this.keysTrustedUntil.get();
			this.verified.put(token, jwt, expiry.isBefore(keyTrust) ? expiry : keyTrust);
		}
		return jwt;
	}

	private static Jwt validated(Jwt jwt, OAuth2TokenValidator<Jwt> validator) {
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
					result.getErrors());
		}
		return jwt;
	}

}
