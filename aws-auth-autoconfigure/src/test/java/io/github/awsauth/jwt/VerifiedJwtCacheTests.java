package io.github.awsauth.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A verified token is not verified again while cached: the checks its text decides run when it is
 * first seen, those the request decides on every request; it is trusted no longer than it lives and
 * no longer than the key set's max age, and only once every check passed.
 */
class VerifiedJwtCacheTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final AtomicInteger verifications = new AtomicInteger();

	/** Stands for signature verification: counts, and answers the token it was given. */
	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(NOW.minusSeconds(1));
		return token.startsWith("no-exp") ? jwt.build() : jwt.expiresAt(NOW.plus(Duration.ofMinutes(60))).build();
	};

	@Test
	void repeatedTokenIsVerifiedOnce() {
		VerifiedJwtCache cache = cache(validClaims(), Duration.ofHours(1));
		assertThat(cache.decode("token-a").getSubject()).isEqualTo("alice");
		cache.decode("token-a");
		cache.decode("token-a");
		assertThat(this.verifications).hasValue(1);
		cache.decode("token-b");
		assertThat(this.verifications).as("another token, another verification").hasValue(2);
	}

	@Test
	void requestChecksRunOnEveryRequestEvenWhenCached() {
		AtomicBoolean bound = new AtomicBoolean(true);
		OAuth2TokenValidator<Jwt> certificateBinding = (jwt) -> bound.get() ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Not bound to this certificate", null));
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, validClaims(), certificateBinding,
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		cache.decode("token-a");
		bound.set(false);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessage("Not bound to this certificate");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void checksTheTokenDecidesRunOnlyWhenItIsFirstSeen() {
		AtomicInteger everyCheck = new AtomicInteger();
		AtomicInteger requestChecks = new AtomicInteger();
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, counting(everyCheck), counting(requestChecks),
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		cache.decode("token-a");
		cache.decode("token-a");
		cache.decode("token-a");
		assertThat(everyCheck).hasValue(1);
		assertThat(requestChecks).as("the cached token's two requests").hasValue(2);
	}

	@Test
	void tokenFailingAClaimCheckIsNotCached() {
		AtomicBoolean audienceFits = new AtomicBoolean(false);
		OAuth2TokenValidator<Jwt> audience = (jwt) -> audienceFits.get() ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Audience not allowed", null));
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, audience,
				(jwt) -> OAuth2TokenValidatorResult.success(), () -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessage("Audience not allowed");
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessage("Audience not allowed");
		assertThat(this.verifications).as("verified and checked again, not answered from the cache").hasValue(2);
		audienceFits.set(true);
		cache.decode("token-a");
		cache.decode("token-a");
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void tokenThatExpiredWhileCachedIsRefused() {
		VerifiedJwtCache cache = cache(validClaims(), Duration.ofHours(2));
		cache.decode("token-a");
		this.clock.advance(Duration.ofMinutes(62));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessageContaining("expired");
	}

	@Test
	void verificationStandsNoLongerThanTheKeySetsMaxAge() {
		VerifiedJwtCache cache = cache(validClaims(), Duration.ofMinutes(5));
		cache.decode("token-a");
		this.clock.advance(Duration.ofMinutes(4));
		cache.decode("token-a");
		assertThat(this.verifications).hasValue(1);
		this.clock.advance(Duration.ofMinutes(2));
		cache.decode("token-a");
		assertThat(this.verifications).as("verified again, against the keys as they are now").hasValue(2);
	}

	@Test
	void verificationStandsNoLongerThanTheKeysItWasVerifiedWith() {
		VerifiedJwtCache cache = cache(validClaims(), Duration.ofMinutes(60));
		this.clock.advance(Duration.ofMinutes(50));
		cache.decode("token-a");
		this.clock.advance(Duration.ofMinutes(9));
		cache.decode("token-a");
		assertThat(this.verifications).hasValue(1);
		this.clock.advance(Duration.ofMinutes(2));
		cache.decode("token-a");
		assertThat(this.verifications).as("the keys it was verified with are due to be fetched again").hasValue(2);
	}

	@Test
	void tokenWithoutExpiryIsNeverCached() {
		VerifiedJwtCache cache = cache((jwt) -> OAuth2TokenValidatorResult.success(), Duration.ofHours(1));
		cache.decode("no-exp-token");
		cache.decode("no-exp-token");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void verificationFailureIsNotCached() {
		AtomicInteger calls = new AtomicInteger();
		JwtDecoder failing = (token) -> {
			if (calls.incrementAndGet() == 1) {
				throw new org.springframework.security.oauth2.jwt.BadJwtException("Invalid signature");
			}
			return this.verifier.decode(token);
		};
		VerifiedJwtCache cache = new VerifiedJwtCache(failing, validClaims(), validClaims(),
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		assertThatExceptionOfType(org.springframework.security.oauth2.jwt.BadJwtException.class)
			.isThrownBy(() -> cache.decode("token-a"));
		assertThat(cache.decode("token-a").getSubject()).isEqualTo("alice");
		assertThat(calls).hasValue(2);
	}

	private OAuth2TokenValidator<Jwt> validClaims() {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
		timestamps.setClock(this.clock);
		return timestamps;
	}

	private static OAuth2TokenValidator<Jwt> counting(AtomicInteger calls) {
		return (jwt) -> {
			calls.incrementAndGet();
			return OAuth2TokenValidatorResult.success();
		};
	}

	/** The keys were fetched at {@code NOW} and are trusted for {@code maxAge}; no request checks. */
	private VerifiedJwtCache cache(OAuth2TokenValidator<Jwt> validator, Duration maxAge) {
		return new VerifiedJwtCache(this.verifier, validator, (jwt) -> OAuth2TokenValidatorResult.success(),
				() -> NOW.plus(maxAge), 100, this.clock);
	}

}
