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
 * A token whose signature was verified is not verified again while it is cached: the cache holds
 * the decoded token under the SHA-256 of its exact text, for no longer than the token lives and no
 * longer than the keys it was verified with are trusted without the key set being fetched again
 * ({@code jwks.max-age} after their fetch), so a key that leaves the issuer's key set stops
 * vouching for cached tokens when it stops vouching for new ones. The claims are validated on every request, cached or not: expiry against the
 * clock, issuer, audience, token use, the client certificate a token is bound to.
 */
final class VerifiedJwtCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Supplier<Instant> keysTrustedUntil;

	private final Clock clock;

	private final VerifiedCache<Jwt> verified;

	/**
	 * Create the cache.
	 * @param verifier decodes a token and verifies its signature, validating no claim
	 * @param validator validates the claims, on every request
	 * @param keysTrustedUntil until when the keys that verified the token just decoded on this
	 * thread are trusted
	 * @param maxSize how many verified tokens are kept at most
	 * @param clock the clock
	 */
	VerifiedJwtCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Supplier<Instant> keysTrustedUntil,
			long maxSize, Clock clock) {
		this.verifier = verifier;
		this.validator = validator;
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
		Jwt jwt = verifiedToken(token);
		OAuth2TokenValidatorResult result = this.validator.validate(jwt);
		if (result.hasErrors()) {
			throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
					result.getErrors());
		}
		return jwt;
	}

	private Jwt verifiedToken(String token) {
		Jwt cached = this.verified.get(token);
		if (cached != null) {
			return cached;
		}
		CachingJwkSource.forgetKeysUsed();
		Jwt jwt = this.verifier.decode(token);
		Instant expiry = jwt.getExpiresAt();
		if (expiry != null) {
			Instant keyTrust = this.keysTrustedUntil.get();
			this.verified.put(token, jwt, expiry.isBefore(keyTrust) ? expiry : keyTrust);
		}
		return jwt;
	}

}
