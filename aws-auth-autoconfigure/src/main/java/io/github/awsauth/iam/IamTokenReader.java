package io.github.awsauth.iam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.IamTokenWireFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks an IAM token before anything is sent to STS, in either wire form:
 * <ul>
 * <li>{@code Bearer k8s-aws-v1.<base64url presigned GET URL>} (what {@code aws eks get-token}
 * prints), audience in the signed header {@code x-k8s-aws-id};</li>
 * <li>{@code AWS-IAM <base64url JSON>} with Vault's login fields for a signed POST, audience in the
 * signed header {@code X-Vault-AWS-IAM-Server-ID}.</li>
 * </ul>
 * Checks: the audience is this service's server id and is signed; the request is
 * {@code GetCallerIdentity} and nothing else (a fixed allowlist of parameters, none twice in any
 * case variant); it was signed for a configured STS endpoint's host; {@code X-Amz-Expires} is at
 * most 900 s and {@code X-Amz-Date} within 15 minutes. The request to send is then rebuilt from
 * the checked parts and addressed to the configured endpoint, never to a host the token names.
 */
public final class IamTokenReader {

	static final String EKS_PREFIX = IamTokenWireFormat.EKS_AUTHORIZATION_PREFIX;

	static final String VAULT_PREFIX = IamTokenWireFormat.VAULT_AUTHORIZATION_PREFIX;

	static final String EKS_AUDIENCE = IamTokenWireFormat.EKS_AUDIENCE_HEADER;

	static final String VAULT_AUDIENCE = IamTokenWireFormat.VAULT_AUDIENCE_HEADER.toLowerCase(Locale.ROOT);

	private static final Set<String> PRESIGNED_PARAMETERS = Set.of("Action", "Version", "X-Amz-Algorithm",
			"X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
			"X-Amz-Security-Token");

	private static final Duration MAX_EXPIRES = Duration.ofSeconds(900);

	private static final Duration MAX_AGE = Duration.ofMinutes(15);

	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");

	private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");

	private final String serverId;

	private final Map<String, URI> endpointsByHost;

	private final Clock clock;

	/**
	 * Create a reader.
	 * @param serverId the audience callers must sign
	 * @param endpoints the STS endpoints callers may sign for
	 * @param clock the clock
	 */
	public IamTokenReader(String serverId, List<URI> endpoints, Clock clock) {
		this.serverId = serverId;
		Map<String, URI> byHost = new LinkedHashMap<>();
		endpoints.forEach((endpoint) -> byHost.put(endpoint.getRawAuthority().toLowerCase(Locale.ROOT), endpoint));
		this.endpointsByHost = Map.copyOf(byHost);
		this.clock = clock;
	}

	/**
	 * Whether an {@code Authorization} header carries an IAM token.
	 * @param authorization the header value, or {@code null}
	 * @return whether it does
	 */
	public static boolean isIamToken(@Nullable String authorization) {
		return authorization != null && (authorization.startsWith(EKS_PREFIX) || authorization.startsWith(VAULT_PREFIX));
	}

	/**
	 * Check a token and rebuild its request.
	 * @param authorization the {@code Authorization} header value
	 * @return the request to send to STS
	 * @throws AwsAuthenticationException (401) naming the check that failed
	 */
	public StsRequest read(String authorization) {
		if (authorization.length() > MAX_TOKEN_LENGTH) {
			throw invalid("the token is too large");
		}
		if (authorization.startsWith(EKS_PREFIX)) {
			return presigned(new String(base64Url(authorization.substring(EKS_PREFIX.length())),
					StandardCharsets.UTF_8));
		}
		if (authorization.startsWith(VAULT_PREFIX)) {
			return vault(new String(base64Url(authorization.substring(VAULT_PREFIX.length()).strip()),
					StandardCharsets.UTF_8));
		}
		throw invalid("not an IAM token");
	}

	private StsRequest presigned(String url) {
		URI uri = uri(url);
		URI endpoint = endpoint(uri);
		Map<String, String> query = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		String rawQuery = (uri.getRawQuery() != null) ? uri.getRawQuery() : "";
		for (String piece : rawQuery.split("&")) {
			int equals = piece.indexOf('=');
			String name = decode((equals < 0) ? piece : piece.substring(0, equals));
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				throw invalid("a query parameter appears more than once");
			}
			if (!PRESIGNED_PARAMETERS.contains(name)) {
				throw invalid("the query has a parameter GetCallerIdentity does not take");
			}
			query.put(name, (equals < 0) ? "" : decode(piece.substring(equals + 1)));
		}
		checkAction(query.get("Action"), query.get("Version"));
		if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm")) || query.get("X-Amz-Signature") == null) {
			throw invalid("the URL is not presigned with SigV4");
		}
		checkCredential(query.get("X-Amz-Credential"));
		List<String> signedHeaders = List.of(required(query.get("X-Amz-SignedHeaders"), "X-Amz-SignedHeaders")
			.split(";"));
		checkSigned(signedHeaders, EKS_AUDIENCE);
		Instant date = date(query.get("X-Amz-Date"));
		Duration expires = expires(query.get("X-Amz-Expires"));
		Instant expiresAt = checkTime(date, expires);
		URI target = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + "/?" + rawQuery);
		Map<String, List<String>> headers = Map.of(EKS_AUDIENCE, List.of(this.serverId));
		return new StsRequest("GET", target, headers, null, expiresAt);
	}

	private StsRequest vault(String json) {
		Map<String, Object> login;
		try {
			login = JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw invalid("the token is not a JSON object");
		}
		if (login == null) {
			// Nimbus's lenient parser answers some inputs (found by fuzzing) with null
			throw invalid("the token is not a JSON object");
		}
		if (!"POST".equals(login.get(IamTokenWireFormat.VAULT_METHOD))) {
			throw invalid("iam_http_request_method must be POST");
		}
		URI uri = uri(new String(base64(login.get(IamTokenWireFormat.VAULT_URL)), StandardCharsets.UTF_8));
		if (uri.getRawQuery() != null) {
			throw invalid("iam_request_url must not have a query");
		}
		URI endpoint = endpoint(uri);
		String body = new String(base64(login.get(IamTokenWireFormat.VAULT_BODY)), StandardCharsets.UTF_8);
		checkForm(body);
		Map<String, List<String>> headers = headers(base64(login.get(IamTokenWireFormat.VAULT_HEADERS)));
		List<String> authorization = header(headers, "authorization");
		if (authorization.size() != 1 || !authorization.get(0).startsWith("AWS4-HMAC-SHA256 ")) {
			throw invalid("exactly one SigV4 Authorization header is required");
		}
		checkCredential(single(CREDENTIAL, authorization.get(0), "Credential"));
		List<String> signedHeaders = List.of(single(SIGNED_HEADERS, authorization.get(0), "SignedHeaders").split(";"));
		checkSigned(signedHeaders, VAULT_AUDIENCE);
		List<String> audience = header(headers, VAULT_AUDIENCE);
		if (audience.size() != 1 || !audience.get(0).equals(this.serverId)) {
			throw invalid("the token was made for another server id");
		}
		List<String> dates = header(headers, "x-amz-date");
		if (dates.size() != 1) {
			throw invalid("exactly one X-Amz-Date header is required");
		}
		Instant expiresAt = checkTime(date(dates.get(0)), MAX_EXPIRES);
		Map<String, List<String>> send = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			String name = header.getKey();
			boolean needed = signedHeaders.contains(name) || name.equals("authorization")
					|| name.equals("x-amz-security-token");
			if (needed && !name.equals("host") && !name.equals("content-length")) {
				send.put(name, header.getValue());
			}
		}
		URI target = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + "/");
		return new StsRequest("POST", target, send, body, expiresAt);
	}

	private URI endpoint(URI signedFor) {
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

	private static void checkForm(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String piece : body.split("&")) {
			int equals = piece.indexOf('=');
			String name = decode((equals < 0) ? piece : piece.substring(0, equals));
			if (form.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
				throw invalid("a body parameter appears more than once");
			}
			if (!name.equals("Action") && !name.equals("Version")) {
				throw invalid("the body has a parameter GetCallerIdentity does not take");
			}
			form.put(name, (equals < 0) ? "" : decode(piece.substring(equals + 1)));
		}
		checkAction(form.get("Action"), form.get("Version"));
	}

	private static void checkAction(@Nullable String action, @Nullable String version) {
		if (!"GetCallerIdentity".equals(action) || !"2011-06-15".equals(version)) {
			throw invalid("the request must be GetCallerIdentity, version 2011-06-15");
		}
	}

	private static void checkCredential(@Nullable String credential) {
		String[] scope = required(credential, "Credential").split("/", -1);
		if (scope.length != 5 || !"sts".equals(scope[3]) || !"aws4_request".equals(scope[4])) {
			throw invalid("the credential scope must be for the sts service");
		}
	}

	private static void checkSigned(List<String> signedHeaders, String audienceHeader) {
		if (!signedHeaders.contains("host")) {
			throw invalid("the host header must be signed");
		}
		if (!signedHeaders.contains(audienceHeader)) {
			throw invalid("the server id header " + audienceHeader + " must be signed");
		}
	}

	private Instant checkTime(Instant signed, Duration expires) {
		Instant now = this.clock.instant();
		if (signed.isAfter(now.plus(MAX_AGE)) || signed.isBefore(now.minus(MAX_AGE))) {
			throw invalid("X-Amz-Date is not within 15 minutes of now");
		}
		Instant expiresAt = signed.plus(expires);
		if (now.isAfter(expiresAt)) {
			throw invalid("the signed request has expired");
		}
		return expiresAt;
	}

	private static Duration expires(@Nullable String value) {
		String seconds = required(value, "X-Amz-Expires");
		if (!seconds.matches("\\d{1,4}") || Integer.parseInt(seconds) < 1
				|| Integer.parseInt(seconds) > MAX_EXPIRES.toSeconds()) {
			throw invalid("X-Amz-Expires must be between 1 and 900 seconds");
		}
		return Duration.ofSeconds(Integer.parseInt(seconds));
	}

	private static Instant date(@Nullable String value) {
		try {
			return LocalDateTime.parse(required(value, "X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw invalid("X-Amz-Date is malformed");
		}
	}

	private static Map<String, List<String>> headers(byte[] json) {
		Map<String, Object> raw;
		try {
			raw = JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (ParseException ex) {
			throw invalid("iam_request_headers is not a JSON object");
		}
		if (raw == null) {
			throw invalid("iam_request_headers is not a JSON object");
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Map.Entry<String, Object> header : raw.entrySet()) {
			List<String> values = headers.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
					(name) -> new ArrayList<>());
			if (header.getValue() instanceof String value) {
				values.add(value);
			}
			else if (header.getValue() instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				list.forEach((value) -> values.add((String) value));
			}
			else {
				throw invalid("iam_request_headers values must be strings");
			}
		}
		return headers;
	}

	private static List<String> header(Map<String, List<String>> headers, String name) {
		return headers.getOrDefault(name, List.of());
	}

	private static String single(Pattern pattern, String value, String name) {
		Matcher matcher = pattern.matcher(value);
		if (!matcher.find()) {
			throw invalid(name + " is missing from the Authorization header");
		}
		String found = matcher.group(1);
		if (matcher.find()) {
			throw invalid(name + " appears more than once in the Authorization header");
		}
		return found;
	}

	private static URI uri(String value) {
		try {
			URI uri = new URI(value);
			if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null
					|| uri.getRawFragment() != null) {
				throw invalid("the request URL is malformed");
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw invalid("the request URL is malformed");
		}
	}

	private static byte[] base64Url(String value) {
		try {
			return Base64.getUrlDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("the token is not base64url");
		}
	}

	private static byte[] base64(@Nullable Object value) {
		if (!(value instanceof String text)) {
			throw invalid("a login field is missing");
		}
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("a login field is not base64");
		}
	}

	private static String decode(String value) {
		try {
			return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("the request has a malformed escape");
		}
	}

	private static String required(@Nullable String value, String name) {
		if (value == null || value.isEmpty()) {
			throw invalid(name + " is missing");
		}
		return value;
	}

	private static AwsAuthenticationException invalid(String reason) {
		return AwsAuthenticationException.invalid("Invalid IAM token: " + reason);
	}

}
