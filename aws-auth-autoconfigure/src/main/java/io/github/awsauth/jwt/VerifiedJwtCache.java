package io.github.awsauth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.awsauth.core.Sha256;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token whose signature was verified is not verified again while it is cached: the cache holds
 * the decoded token under the SHA-256 of its exact text, for no longer than the token lives and no
 * longer than a key set is trusted without being fetched again ({@code jwks.max-age}), so a key
 * that leaves the issuer's key set stops vouching for cached tokens as soon as it stops vouching
 * for new ones. The claims are validated on every request, cached or not: expiry against the
 * clock, issuer, audience, token use, the client certificate a token is bound to.
 */
final class VerifiedJwtCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Duration maxAge;

	private final Clock clock;

	private final Cache<String, Verified> verified;

	/**
	 * Create the cache.
	 * @param verifier decodes a token and verifies its signature, validating no claim
	 * @param validator validates the claims, on every request
	 * @param maxAge how long a verified token is trusted at most
	 * @param maxSize how many verified tokens are kept at most
	 * @param clock the clock
	 */
	VerifiedJwtCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Duration maxAge, long maxSize,
			Clock clock) {
		this.verifier = verifier;
		this.validator = validator;
		this.maxAge = maxAge;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(maxSize).build();
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
		String key = Sha256.hex(token);
		Instant now = this.clock.instant();
		Verified cached = this.verified.getIfPresent(key);
		if (cached != null && now.isBefore(cached.trustedUntil())) {
			return cached.jwt();
		}
		Jwt jwt = this.verifier.decode(token);
		Instant expiry = jwt.getExpiresAt();
		if (expiry != null && now.isBefore(expiry)) {
			Instant keyTrust = now.plus(this.maxAge);
			this.verified.put(key, new Verified(jwt, expiry.isBefore(keyTrust) ? expiry : keyTrust));
		}
		else {
			this.verified.invalidate(key);
		}
		return jwt;
	}

	/** A verified token and until when its verification stands. */
	private record Verified(Jwt jwt, Instant trustedUntil) {

	}

}
