package io.github.awsauth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.awsauth.core.AwsAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the SigV4 parameters of a request, strictly: every parameter exactly once (in any case
 * variant), a well-formed credential scope, signed header list, signature and date. Anything else
 * is a 401 that says what was malformed.
 */
public final class SigV4AuthorizationParser {

	private static final String HEADER_PREFIX = SigV4Authorization.ALGORITHM + " ";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");

	private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");

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
				.badRequest("Ambiguous SigV4 request: a presigned request carries an Authorization header too");
		}
		return fromQuery(request);
	}

	private static SigV4Authorization fromHeader(String header, SigV4Request request) {
		Map<String, String> fields = new HashMap<>();
		for (String part : header.substring(HEADER_PREFIX.length()).split(",")) {
			String field = part.strip();
			int equals = field.indexOf('=');
			if (equals <= 0) {
				throw malformed("Authorization header fields must be name=value");
			}
			String name = field.substring(0, equals);
			if (fields.put(name.toLowerCase(Locale.ROOT), field.substring(equals + 1)) != null) {
				throw malformed("an Authorization header field appears more than once");
			}
		}
		if (fields.size() != 3) {
			throw malformed("Authorization header must have exactly Credential, SignedHeaders and Signature");
		}
		List<String> dates = request.header("x-amz-date");
		if (dates.size() != 1) {
			throw malformed("exactly one X-Amz-Date header is required");
		}
		return build(required(fields, "credential"), required(fields, "signedheaders"),
				required(fields, "signature"), dates.get(0), null);
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
		if (!expires.matches("\\d{1,6}") || Integer.parseInt(expires) < 1 || Integer.parseInt(expires) > 604800) {
			throw malformed("X-Amz-Expires must be between 1 and 604800 seconds");
		}
		return build(required(parameters, "x-amz-credential"), required(parameters, "x-amz-signedheaders"),
				required(parameters, "x-amz-signature"), required(parameters, "x-amz-date"),
				Duration.ofSeconds(Integer.parseInt(expires)));
	}

	private static SigV4Authorization build(String credential, String signedHeaders, String signature,
			String amzDate, @Nullable Duration expires) {
		String[] scope = credential.split("/", -1);
		if (scope.length != 5 || scope[0].isEmpty() || !SCOPE_DATE.matcher(scope[1]).matches()
				|| scope[2].isEmpty() || scope[3].isEmpty() || !"aws4_request".equals(scope[4])) {
			throw malformed("Credential must be <key id>/<yyyyMMdd>/<region>/<service>/aws4_request");
		}
		List<String> headers = Arrays.asList(signedHeaders.split(";", -1));
		if (headers.stream().anyMatch((name) -> !HEADER_NAME.matcher(name).matches())) {
			throw malformed("SignedHeaders must be lower-case header names separated by ';'");
		}
		if (!SIGNATURE.matcher(signature).matches()) {
			throw malformed("Signature must be 64 lower-case hex digits");
		}
		Instant timestamp;
		try {
			timestamp = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw malformed("X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'");
		}
		return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], List.copyOf(headers), signature,
				timestamp, expires);
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null || value.isEmpty()) {
			throw malformed(name + " is missing");
		}
		return value;
	}

	private static AwsAuthenticationException malformed(String reason) {
		return AwsAuthenticationException.invalid("Malformed SigV4 request: " + reason);
	}

}
