package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;

import org.jspecify.annotations.Nullable;

/**
 * Values of the shared cache as Redis holds them: the value, when it stops being usable, and an
 * HMAC-SHA256 over the key, the value and that time with the instances' signing key. Whoever can
 * write to Redis without the key can plant nothing an instance takes: a value it did not seal, one
 * moved to another key, or one whose time was stretched, is no value.
 */
final class SealedValues {

	private static final char SEPARATOR = '|';

	/** An expiry as {@code seal} writes it: no sign, no leading zero, at most 18 digits. */
	private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,17}");

	private final HmacSha256 key;

	private final Clock clock;

	SealedValues(byte[] signingKey, Clock clock) {
		this.key = new HmacSha256(signingKey);
		this.clock = clock;
	}

	String seal(String key, String value, Duration timeToLive) {
		long expiresAt = this.clock.instant().plus(timeToLive).toEpochMilli();
		return value + SEPARATOR + expiresAt + SEPARATOR + mac(key, value, expiresAt);
	}

	SharedCache.@Nullable Entry open(String key, @Nullable String sealed) {
		int macAt = (sealed != null) ? sealed.lastIndexOf(SEPARATOR) : -1;
		int timeAt = (macAt > 0) ? sealed.lastIndexOf(SEPARATOR, macAt - 1) : -1;
		if (timeAt < 0) {
			return null;
		}
		String value = sealed.substring(0, timeAt);
		String time = sealed.substring(timeAt + 1, macAt);
		if (!DIGITS.matcher(time).matches()) {
			return null;
		}
		long expiresAt = Long.parseLong(time);
		byte[] expected = mac(key, value, expiresAt).getBytes(StandardCharsets.US_ASCII);
		byte[] presented = sealed.substring(macAt + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, presented)) {
			return null;
		}
		Duration timeLeft = Duration.between(this.clock.instant(), Instant.ofEpochMilli(expiresAt));
		return (timeLeft.isNegative() || timeLeft.isZero()) ? null : new SharedCache.Entry(value, timeLeft);
	}

	private String mac(String key, String value, long expiresAt) {
		Mac mac = this.key.mac();
		// byte lengths first: no two (key, value) pairs share an input
		byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
		byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
		mac.update((keyBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		mac.update(keyBytes);
		mac.update((valueBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		mac.update(valueBytes);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal(Long.toString(expiresAt).getBytes(StandardCharsets.US_ASCII)));
	}

}
