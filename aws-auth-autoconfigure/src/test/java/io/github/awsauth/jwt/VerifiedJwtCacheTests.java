package io.github.awsauth.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 * first seen, those the clock and the request decide on every request; it is trusted no longer than
 * it lives and no longer than the key set's max age.
 */
class VerifiedJwtCacheTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final AtomicInteger verifications = new AtomicInteger();

	/** Stands for signature verification: counts, and answers the token it was given. */
	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("alice").issuedAt(NOW.minusSeconds(1));
		if (token.startsWith("not-before")) {
			jwt.notBefore(NOW.plusSeconds(30));
		}
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
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, passing(), certificateBinding,
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		cache.decode("token-a");
		bound.set(false);
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
			.withMessage("Not bound to this certificate");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void checksTheTokenDecidesRunOnlyWhenItIsFirstSeen() {
		AtomicInteger tokenChecks = new AtomicInteger();
		AtomicInteger requestChecks = new AtomicInteger();
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, counting(tokenChecks), counting(requestChecks),
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		cache.decode("token-a");
		cache.decode("token-a");
		cache.decode("token-a");
		assertThat(tokenChecks).hasValue(1);
		assertThat(requestChecks).hasValue(3);
	}

	@Test
	void tokenFailingACheckOfItsTextIsRefusedEachTimeWithoutItsSignatureVerifiedAgain() {
		OAuth2TokenValidator<Jwt> audience = (jwt) -> OAuth2TokenValidatorResult
			.failure(new OAuth2Error("invalid_token", "Audience not allowed", null));
		VerifiedJwtCache cache = new VerifiedJwtCache(this.verifier, audience, passing(),
				() -> NOW.plus(Duration.ofHours(1)), 100, this.clock);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode("token-a"))
				.withMessage("Audience not allowed");
		}
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void notBeforeIsCheckedAgainstTheClockOnEveryRequest() {
		VerifiedJwtCache cache = cache(validClaims(), Duration.ofHours(1));
		cache.decode("not-before-token");
		this.clock.advance(Duration.ofSeconds(-60));
		assertThatExceptionOfType(JwtValidationException.class).as("the clock went back before nbf and the skew")
			.isThrownBy(() -> cache.decode("not-before-token"))
			.withMessageContaining("used before");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void keysAreTrustedAsLongAsThoseThatVerifiedTheTokenWhateverTheValidatorsDecode() {
		AtomicReference<Instant> keysUsedTrustedUntil = new AtomicReference<>();
		JwtDecoder verifier = (token) -> {
			keysUsedTrustedUntil.set(NOW.plus(Duration.ofHours(1)));
			return this.verifier.decode(token);
		};
		// an application validator that decodes a token of its own, whose keys this thread used last
		OAuth2TokenValidator<Jwt> decodesAnother = (jwt) -> {
			keysUsedTrustedUntil.set(Instant.MIN);
			return OAuth2TokenValidatorResult.success();
		};
		VerifiedJwtCache cache = new VerifiedJwtCache(verifier, passing(), decodesAnother, keysUsedTrustedUntil::get,
				100, this.clock);
		cache.decode("token-a");
		cache.decode("token-a");
		assertThat(this.verifications).hasValue(1);
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
		VerifiedJwtCache cache = new VerifiedJwtCache(failing, passing(), validClaims(),
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

	private static OAuth2TokenValidator<Jwt> passing() {
		return (jwt) -> OAuth2TokenValidatorResult.success();
	}

	/** The keys were fetched at {@code NOW} and are trusted for {@code maxAge}; the token's own checks pass. */
	private VerifiedJwtCache cache(OAuth2TokenValidator<Jwt> requestChecks, Duration maxAge) {
		return new VerifiedJwtCache(this.verifier, passing(), requestChecks, () -> NOW.plus(maxAge), 100, this.clock);
	}

}
