package io.github.awsauth.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.VerifiedCache;

import org.springframework.security.oauth2.core.OAuth2Error;
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
 * vouching for cached tokens when it stops vouching for new ones. With it the cache keeps the
 * outcome of the checks the token's own text decides ({@code iss}, {@code typ}, {@code token_use},
 * the audience): they pass or fail alike each time the token is sent, so they are not run again,
 * and a token they refused is refused again with the same errors. What the clock, the request or
 * the application decides ({@code exp} and {@code nbf}, the client certificate a token is bound to,
 * the application's validators) is checked on every request, cached or not.
 */
final class VerifiedJwtCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> tokenChecks;

	private final OAuth2TokenValidator<Jwt> requestChecks;

	private final Supplier<Instant> keysTrustedUntil;

	private final VerifiedCache<Verified> verified;

	/**
	 * Create the cache.
	 * @param verifier decodes a token and verifies its signature, validating no claim
	 * @param tokenChecks the checks the token's text decides, run when it is not cached
	 * @param requestChecks the checks the clock, the request or the application decides, run on
	 * every request
	 * @param keysTrustedUntil until when the keys that verified the token just decoded on this
	 * thread are trusted
	 * @param maxSize how many verified tokens are kept at most
	 * @param clock the clock
	 */
	VerifiedJwtCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> tokenChecks,
			OAuth2TokenValidator<Jwt> requestChecks, Supplier<Instant> keysTrustedUntil, long maxSize, Clock clock) {
		this.verifier = verifier;
		this.tokenChecks = tokenChecks;
		this.requestChecks = requestChecks;
		this.keysTrustedUntil = keysTrustedUntil;
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
		Verified cached = this.verified.get(token);
		if (cached != null) {
			return validated(cached.jwt(), cached.tokenChecks());
		}
		CachingJwkSource.forgetKeysUsed();
		Jwt jwt = this.verifier.decode(token);
		// read before any validator runs: one that decodes a token of its own resets what this thread used
		Instant keyTrust = this.keysTrustedUntil.get();
		OAuth2TokenValidatorResult tokenResult = this.tokenChecks.validate(jwt);
		Instant expiry = jwt.getExpiresAt();
		if (expiry != null) {
			this.verified.put(token, new Verified(jwt, tokenResult), expiry.isBefore(keyTrust) ? expiry : keyTrust);
		}
		return validated(jwt, tokenResult);
	}

	private Jwt validated(Jwt jwt, OAuth2TokenValidatorResult tokenResult) {
		OAuth2TokenValidatorResult requestResult = this.requestChecks.validate(jwt);
		if (!tokenResult.hasErrors() && !requestResult.hasErrors()) {
			return jwt;
		}
		List<OAuth2Error> errors = new ArrayList<>(tokenResult.getErrors());
		errors.addAll(requestResult.getErrors());
		throw new JwtValidationException(errors.get(0).getDescription(), errors);
	}

	/** A token whose signature was verified, and what the checks its text decides found. */
	private record Verified(Jwt jwt, OAuth2TokenValidatorResult tokenChecks) {

	}

}
