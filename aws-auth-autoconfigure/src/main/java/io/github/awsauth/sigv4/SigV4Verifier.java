package io.github.awsauth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.HmacSha256;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.Sha256;

/**
 * Verifies SigV4 over a request with a key this service issued, as an AWS service does: the scope
 * must name this region and service, the date must be fresh, {@code host} must be signed, the body
 * must match its hash, and the signature, recomputed with the key's secret, must be equal (compared
 * in constant time). Derived signing keys are cached per key, date, region and service.
 */
public final class SigV4Verifier {

	/** Hash of an empty payload. */
	static final String EMPTY_PAYLOAD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

	private static final HexFormat HEX = HexFormat.of();

	private final SigV4CredentialsStore keys;

	private final String region;

	private final String service;

	private final Duration clockSkew;

	private final boolean allowUnsignedPayload;

	private final boolean normalizePath;

	private final Clock clock;

	private final Cache<SigningKeyId, HmacSha256> signingKeys = RequestPathCaches.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofDays(1))
		.build();

	/**
	 * Create a verifier.
	 * @param keys where the keys are
	 * @param region the region the scope must name
	 * @param service the service the scope must name
	 * @param clockSkew the largest difference accepted between the request's date and the clock
	 * @param allowUnsignedPayload whether {@code UNSIGNED-PAYLOAD} is accepted
	 * @param normalizePath whether paths are normalized before they are signed
	 * @param clock the clock
	 */
	public SigV4Verifier(SigV4CredentialsStore keys, String region, String service, Duration clockSkew,
			boolean allowUnsignedPayload, boolean normalizePath, Clock clock) {
		this.keys = keys;
		this.region = region;
		this.service = service;
		this.clockSkew = clockSkew;
		this.allowUnsignedPayload = allowUnsignedPayload;
		this.normalizePath = normalizePath;
		this.clock = clock;
	}

	/**
	 * Verify a request.
	 * @param request the request
	 * @return the verified parameters and the key that signed them
	 * @throws AwsAuthenticationException (401) naming the check that failed
	 */
	public Verified verify(SigV4Request request) {
		SigV4Authorization authorization = SigV4AuthorizationParser.parse(request);
		String amzDate = amzDate(authorization.timestamp());
		checkScope(authorization, amzDate);
		checkTime(authorization);
		if (!authorization.signedHeaders().contains("host")) {
			throw invalid("the host header must be signed");
		}
		SigV4Key key = this.keys.find(authorization.accessKeyId());
		if (key == null) {
			throw invalid(AuthenticationFailureReason.UNKNOWN_KEY, "unknown access key");
		}
		String payloadHash = payloadHash(request, authorization);
		String canonicalRequest;
		try {
			canonicalRequest = SigV4Canonicalizer.canonicalRequest(request, authorization, payloadHash,
					this.normalizePath);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("a signed header is missing");
		}
		byte[] expected = sign(key, authorization, stringToSign(authorization, amzDate, canonicalRequest));
		// the parser let through only 64 lower-case hex digits
		if (!MessageDigest.isEqual(expected, HEX.parseHex(authorization.signature()))) {
			throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "signature does not match");
		}
		return new Verified(authorization, key);
	}

	/**
	 * The string to sign.
	 * @param authorization the SigV4 parameters
	 * @param canonicalRequest the canonical request
	 * @return the string to sign
	 */
	public static String stringToSign(SigV4Authorization authorization, String canonicalRequest) {
		return stringToSign(authorization, amzDate(authorization.timestamp()), canonicalRequest);
	}

	/**
	 * {@code yyyyMMdd'T'HHmmss'Z'}, written without a formatter on every request.
	 * @throws IllegalArgumentException for a time outside the years 1 to 9999, which has no such form
	 */
	static String amzDate(Instant timestamp) {
		LocalDateTime time = LocalDateTime.ofEpochSecond(timestamp.getEpochSecond(), 0, ZoneOffset.UTC);
		if (time.getYear() < 1 || time.getYear() > 9999) {
			throw new IllegalArgumentException("X-Amz-Date has four-digit years");
		}
		StringBuilder date = new StringBuilder(16);
		appendDigits(date, time.getYear(), 4);
		appendDigits(date, time.getMonthValue(), 2);
		appendDigits(date, time.getDayOfMonth(), 2);
		date.append('T');
		appendDigits(date, time.getHour(), 2);
		appendDigits(date, time.getMinute(), 2);
		appendDigits(date, time.getSecond(), 2);
		return date.append('Z').toString();
	}

	private static void appendDigits(StringBuilder builder, int value, int width) {
		String digits = Integer.toString(value);
		builder.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
	}

	private static String stringToSign(SigV4Authorization authorization, String amzDate, String canonicalRequest) {
		return SigV4Authorization.ALGORITHM + "\n" + amzDate + "\n" + authorization.scope() + "\n"
				+ Sha256.hex(canonicalRequest);
	}

	private void checkScope(SigV4Authorization authorization, String amzDate) {
		if (!authorization.date().regionMatches(0, amzDate, 0, 8) || authorization.date().length() != 8) {
			throw invalid("the credential scope date is not the date of X-Amz-Date");
		}
		if (!authorization.region().equals(this.region)) {
			throw invalid("the credential scope names another region");
		}
		if (!authorization.service().equals(this.service)) {
			throw invalid("the credential scope names another service");
		}
	}

	private void checkTime(SigV4Authorization authorization) {
		Instant now = this.clock.instant();
		Instant signed = authorization.timestamp();
		if (signed.isAfter(now.plus(this.clockSkew))) {
			throw invalid(AuthenticationFailureReason.EXPIRED, "X-Amz-Date is in the future");
		}
		if (authorization.presigned()) {
			if (now.isAfter(signed.plus(authorization.expires()))) {
				throw invalid(AuthenticationFailureReason.EXPIRED, "the presigned request has expired");
			}
		}
		else if (signed.isBefore(now.minus(this.clockSkew))) {
			throw invalid(AuthenticationFailureReason.EXPIRED, "X-Amz-Date is too old");
		}
	}

	private String payloadHash(SigV4Request request, SigV4Authorization authorization) {
		List<String> declared = request.header("x-amz-content-sha256");
		if (declared.size() > 1) {
			throw invalid(AuthenticationFailureReason.AMBIGUOUS, "more than one x-amz-content-sha256 header");
		}
		String actual = (request.body().length == 0) ? EMPTY_PAYLOAD : HEX.formatHex(Sha256.of(request.body()));
		if (declared.isEmpty()) {
			return actual;
		}
		String hash = declared.get(0);
		if (UNSIGNED_PAYLOAD.equals(hash)) {
			if (!this.allowUnsignedPayload) {
				throw invalid("unsigned payloads are not accepted");
			}
			return hash;
		}
		if (!hash.equals(actual)) {
			throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the body does not match x-amz-content-sha256");
		}
		return hash;
	}

	private byte[] sign(SigV4Key key, SigV4Authorization authorization, String stringToSign) {
		SigningKeyId keyId = new SigningKeyId(key.accessKeyId(), key.secretAccessKey(), authorization.date());
		HmacSha256 signingKey = this.signingKeys.get(keyId,
				(id) -> new HmacSha256(deriveSigningKey(id.secret(), id.date(), this.region, this.service)));
		return signingKey.mac().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] deriveSigningKey(String secret, String date, String region, String service) {
		byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, region);
		key = hmac(key, service);
		return hmac(key, "aws4_request");
	}

	private static byte[] hmac(byte[] key, String data) {
		return HmacSha256.of(key, data.getBytes(StandardCharsets.UTF_8));
	}

	private static AwsAuthenticationException invalid(String reason) {
		return invalid(AuthenticationFailureReason.INVALID, reason);
	}

	private static AwsAuthenticationException invalid(AuthenticationFailureReason why, String reason) {
		return AwsAuthenticationException.invalid(why, "Invalid SigV4 signature: " + reason);
	}

	/**
	 * A verified request.
	 *
	 * @param authorization its SigV4 parameters
	 * @param key the key that signed it
	 */
	public record Verified(SigV4Authorization authorization, SigV4Key key) {

	}

	/**
	 * The secret is part of the identity, so a rotated secret never meets a stale derived key; the
	 * key's principal and authorities are not, since they do not change what is derived.
	 */
	private record SigningKeyId(String accessKeyId, String secret, String date) {

		@Override
		public String toString() {
			return "SigningKeyId[accessKeyId=" + this.accessKeyId + ", date=" + this.date + "]";
		}

	}

}
