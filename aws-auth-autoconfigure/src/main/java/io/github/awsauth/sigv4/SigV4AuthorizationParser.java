package io.github.awsauth.sigv4;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SigV4 parameters of a request, strictly: every parameter exactly once (in any case
 * variant), a well-formed credential scope, signed header list, signature and date. Anything else
 * is a 401 that says what was malformed.
 */
public final class SigV4AuthorizationParser {

	private static final String HEADER_PREFIX = SigV4Authorization.ALGORITHM + " ";

	/** The fields of the header form, lower case. */
	private static final String[] FIELDS = { "credential", "signedheaders", "signature" };

	/** The characters of a header name that are neither letters nor digits. */
	private static final String HEADER_NAME_SYMBOLS = "!#$%&'*+.^_`|~-";

	private SigV4AuthorizationParser() {
	}

	/**
	 * Whether a request carries SigV4 at all (header or presigned query).
	 * @param authorization the {@code Authorization} header, or {@code null}
	 * @param rawQuery the raw query, or {@code null}
	 * @return whether it does
	 */
	public static boolean isSigV4(@Nullable String authorization, @Nullable String rawQuery) {
		return (authorization != null && authorization.startsWith(HEADER_PREFIX))
				|| (rawQuery != null && SigV4Canonicalizer.queryParameters(rawQuery)
					.stream()
					.anyMatch((p) -> p.name().equalsIgnoreCase("X-Amz-Algorithm")));
	}

	/**
	 * Read the parameters of a request.
	 * @param request the request
	 * @return the parameters
	 * @throws AwsAuthenticationException if they are missing, duplicated or malformed
	 */
	public static SigV4Authorization parse(SigV4Request request) {
		List<String> authorization = request.header("authorization");
		if (authorization.size() > 1) {
			throw malformed("more than one Authorization header");
		}
		if (!authorization.isEmpty() && authorization.get(0).startsWith(HEADER_PREFIX)) {
			return fromHeader(authorization.get(0), request);
		}
		if (!authorization.isEmpty()) {
			throw AwsAuthenticationException
				.ambiguous("Ambiguous SigV4 request: a presigned request carries an Authorization header too");
		}
		return fromQuery(request);
	}

	/**
	 * The three fields of the header, each {@code name=value} with white space around it, names in
	 * any ASCII case, read in place: no map and no copy of a field but its value. As with
	 * {@code split(",")}, a trailing empty field is not one.
	 */
	private static SigV4Authorization fromHeader(String header, SigV4Request request) {
		@Nullable String[] values = new String[FIELDS.length];
		int fields = 0;
		int end = header.length();
		while (end > HEADER_PREFIX.length() && header.charAt(end - 1) == ',') {
			end--;
		}
		for (int start = HEADER_PREFIX.length(); start <= end; fields++) {
			int comma = header.indexOf(',', start);
			int next = (comma < 0 || comma > end) ? end : comma;
			int from = start;
			int to = next;
			while (from < to && Character.isWhitespace(header.charAt(from))) {
				from++;
			}
			while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
				to--;
			}
			int equals = header.indexOf('=', from);
			if (equals <= from || equals >= to) {
				throw malformed("Authorization header fields must be name=value");
			}
			int field = field(header, from, equals);
			if (field >= 0) {
				if (values[field] != null) {
					throw malformed("an Authorization header field appears more than once");
				}
				values[field] = header.substring(equals + 1, to);
			}
			start = next + 1;
		}
		if (fields != FIELDS.length) {
			throw malformed("Authorization header must have exactly Credential, SignedHeaders and Signature");
		}
		List<String> dates = request.header("x-amz-date");
		if (dates.size() != 1) {
			throw malformed("exactly one X-Amz-Date header is required");
		}
		return build(required(values[0], FIELDS[0]), required(values[1], FIELDS[1]), required(values[2], FIELDS[2]),
				dates.get(0), null);
	}

	/** Which of {@link #FIELDS} the name from {@code from} to {@code to} is, in any ASCII case, or -1. */
	private static int field(String header, int from, int to) {
		for (int i = 0; i < FIELDS.length; i++) {
			String name = FIELDS[i];
			if (to - from == name.length() && equalsIgnoringAsciiCase(header, from, name)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean equalsIgnoringAsciiCase(String header, int from, String lowerCase) {
		for (int i = 0; i < lowerCase.length(); i++) {
			char c = header.charAt(from + i);
			if (((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c) != lowerCase.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static SigV4Authorization fromQuery(SigV4Request request) {
		Map<String, String> parameters = new HashMap<>();
		for (SigV4Canonicalizer.QueryParameter parameter : SigV4Canonicalizer.queryParameters(request.rawQuery())) {
			String name = parameter.name();
			if (name.regionMatches(true, 0, "X-Amz-", 0, 6)
					&& parameters.put(name.toLowerCase(Locale.ROOT), parameter.value()) != null) {
				throw malformed("an X-Amz- query parameter appears more than once");
			}
		}
		if (!SigV4Authorization.ALGORITHM.equals(parameters.get("x-amz-algorithm"))) {
			throw malformed("X-Amz-Algorithm must be " + SigV4Authorization.ALGORITHM);
		}
		String expires = required(parameters, "x-amz-expires");
		if (expires.length() > 6 || !digits(expires, 0, expires.length()) || Integer.parseInt(expires) < 1
				|| Integer.parseInt(expires) > 604800) {
			throw malformed("X-Amz-Expires must be between 1 and 604800 seconds");
		}
		return build(required(parameters, "x-amz-credential"), required(parameters, "x-amz-signedheaders"),
				required(parameters, "x-amz-signature"), required(parameters, "x-amz-date"),
				Duration.ofSeconds(Integer.parseInt(expires)));
	}

	private static SigV4Authorization build(String credential, String signedHeaders, String signature,
			String amzDate, @Nullable Duration expires) {
		String[] scope = credential.split("/", -1);
		if (scope.length != 5 || scope[0].isEmpty() || scope[1].length() != 8 || !digits(scope[1], 0, 8)
				|| scope[2].isEmpty() || scope[3].isEmpty() || !"aws4_request".equals(scope[4])) {
			throw malformed("Credential must be <key id>/<yyyyMMdd>/<region>/<service>/aws4_request");
		}
		List<String> headers = List.of(signedHeaders.split(";", -1));
		for (String name : headers) {
			if (!isHeaderName(name)) {
				throw malformed("SignedHeaders must be lower-case header names separated by ';'");
			}
		}
		if (headers.size() > 1 && new HashSet<>(headers).size() != headers.size()) {
			// no signer lists a header twice; a list of one sent header repeated would be as long as
			// the Authorization header allows
			throw malformed("SignedHeaders must name each header once");
		}
		if (!isSignature(signature)) {
			throw malformed("Signature must be 64 lower-case hex digits");
		}
		return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature,
				timestamp(amzDate), expires);
	}

	/**
	 * {@code yyyyMMdd'T'HHmmss'Z'}, exactly, in the years 1 to 9999: what AWS sends, read without a
	 * formatter on every request. A date the formatter would have moved to a valid one (February
	 * 30, hour 24) is refused, since the signed string would not be the date checked.
	 */
	private static Instant timestamp(String amzDate) {
		if (amzDate.length() != 16 || !digits(amzDate, 0, 8) || amzDate.charAt(8) != 'T' || !digits(amzDate, 9, 15)
				|| amzDate.charAt(15) != 'Z' || amzDate.startsWith("0000")) {
			throw malformed("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'");
		}
		try {
			return LocalDateTime
				.of(number(amzDate, 0, 4), number(amzDate, 4, 6), number(amzDate, 6, 8), number(amzDate, 9, 11),
						number(amzDate, 11, 13), number(amzDate, 13, 15))
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			throw malformed("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'");
		}
	}

	private static boolean digits(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int number(String value, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			number = number * 10 + (value.charAt(i) - '0');
		}
		return number;
	}

	/** A lower-case token (RFC 9110): what a signed header name must be. */
	private static boolean isHeaderName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || HEADER_NAME_SYMBOLS.indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isSignature(String signature) {
		if (signature.length() != 64) {
			return false;
		}
		for (int i = 0; i < 64; i++) {
			char c = signature.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static String required(Map<String, String> fields, String name) {
		return required(fields.get(name), name);
	}

	private static String required(@Nullable String value, String name) {
		if (value == null || value.isEmpty()) {
			throw malformed(name + " is missing");
		}
		return value;
	}

	private static AwsAuthenticationException malformed(String reason) {
		return AwsAuthenticationException.invalid(AuthenticationFailureReason.MALFORMED,
				"Malformed SigV4 request: " + reason);
	}

}
