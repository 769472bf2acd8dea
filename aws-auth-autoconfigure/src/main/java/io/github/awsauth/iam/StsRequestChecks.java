package io.github.awsauth.iam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * The checks both IAM token forms share, before anything is sent to STS: the request was signed
 * for a configured STS endpoint's host with path {@code /}; it is {@code GetCallerIdentity},
 * version 2011-06-15, and nothing else; its credential scope is for {@code sts}; the host and the
 * audience header are signed; {@code X-Amz-Date} is within 15 minutes and the request has not
 * expired.
 */
final class StsRequestChecks {

	static final Duration MAX_EXPIRES = Duration.ofSeconds(900);

	private static final Duration MAX_AGE = Duration.ofMinutes(15);

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final String serverId;

	private final Map<String, URI> endpointsByHost;

	private final Clock clock;

	StsRequestChecks(String serverId, List<URI> endpoints, Clock clock) {
		this.serverId = serverId;
		Map<String, URI> byHost = new LinkedHashMap<>();
		endpoints.forEach((endpoint) -> byHost.put(endpoint.getRawAuthority().toLowerCase(Locale.ROOT), endpoint));
		this.endpointsByHost = Map.copyOf(byHost);
		this.clock = clock;
	}

	/** The audience callers must sign. */
	String serverId() {
		return this.serverId;
	}

	URI endpoint(URI signedFor) {
		String authority = (signedFor.getRawAuthority() != null) ? signedFor.getRawAuthority().toLowerCase(Locale.ROOT)
				: "";
		URI endpoint = this.endpointsByHost.get(authority);
		if (endpoint == null || !endpoint.getScheme().equals(signedFor.getScheme())) {
			throw invalid("the request was signed for a host that is not a configured STS endpoint");
		}
		String path = (signedFor.getRawPath() != null) ? signedFor.getRawPath() : "";
		if (!path.isEmpty() && !path.equals("/")) {
			throw invalid("the request path must be /");
		}
		return endpoint;
	}

	static void checkForm(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String piece : body.split("&")) {
			int equals = piece.indexOf('=');
			String name = decode((equals < 0) ? piece : piece.substring(0, equals));
			if (form.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
				throw invalid(AuthenticationFailureReason.AMBIGUOUS, "a body parameter appears more than once");
			}
			if (!name.equals("Action") && !name.equals("Version")) {
				throw invalid("the body has a parameter GetCallerIdentity does not take");
			}
			form.put(name, (equals < 0) ? "" : decode(piece.substring(equals + 1)));
		}
		checkAction(form.get("Action"), form.get("Version"));
	}

	static void checkAction(@Nullable String action, @Nullable String version) {
		if (!"GetCallerIdentity".equals(action) || !"2011-06-15".equals(version)) {
			throw invalid("the request must be GetCallerIdentity, version 2011-06-15");
		}
	}

	static void checkCredential(@Nullable String credential) {
		String[] scope = required(credential, "Credential").split("/", -1);
		if (scope.length != 5 || !"sts".equals(scope[3]) || !"aws4_request".equals(scope[4])) {
			throw invalid("the credential scope must be for the sts service");
		}
	}

	static void checkSigned(List<String> signedHeaders, String audienceHeader) {
		if (!signedHeaders.contains("host")) {
			throw invalid("the host header must be signed");
		}
		if (!signedHeaders.contains(audienceHeader)) {
			throw invalid("the server id header " + audienceHeader + " must be signed");
		}
	}

	Instant checkTime(Instant signed, Duration expires) {
		Instant now = this.clock.instant();
		if (signed.isAfter(now.plus(MAX_AGE)) || signed.isBefore(now.minus(MAX_AGE))) {
			throw invalid(AuthenticationFailureReason.EXPIRED, "X-Amz-Date is not within 15 minutes of now");
		}
		Instant expiresAt = signed.plus(expires);
		if (now.isAfter(expiresAt)) {
			throw invalid(AuthenticationFailureReason.EXPIRED, "the signed request has expired");
		}
		return expiresAt;
	}

	static Duration expires(@Nullable String value) {
		String seconds = required(value, "X-Amz-Expires");
		if (!seconds.matches("\\d{1,4}") || Integer.parseInt(seconds) < 1
				|| Integer.parseInt(seconds) > MAX_EXPIRES.toSeconds()) {
			throw invalid("X-Amz-Expires must be between 1 and 900 seconds");
		}
		return Duration.ofSeconds(Integer.parseInt(seconds));
	}

	static Instant date(@Nullable String value) {
		try {
			return LocalDateTime.parse(required(value, "X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "X-Amz-Date is malformed");
		}
	}

	static URI uri(String value) {
		try {
			URI uri = new URI(value);
			if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null
					|| uri.getRawFragment() != null) {
				throw invalid(AuthenticationFailureReason.MALFORMED, "the request URL is malformed");
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the request URL is malformed");
		}
	}

	static String decode(String value) {
		try {
			return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the request has a malformed escape");
		}
	}

	static String required(@Nullable String value, String name) {
		if (value == null || value.isEmpty()) {
			throw invalid(name + " is missing");
		}
		return value;
	}

	static AwsAuthenticationException invalid(String reason) {
		return invalid(AuthenticationFailureReason.INVALID, reason);
	}

	static AwsAuthenticationException invalid(AuthenticationFailureReason why, String reason) {
		return AwsAuthenticationException.invalid(why, "Invalid IAM token: " + reason);
	}

}
