package io.github.awsauth.iam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.IamTokenWireFormat;
import org.jspecify.annotations.Nullable;

/**
 * Vault's form of an IAM token: {@code AWS-IAM <base64url of Vault's login JSON>} for a signed POST
 * {@code GetCallerIdentity}, the audience in the signed header {@code X-Vault-AWS-IAM-Server-ID}.
 * Header values may be strings (hvac) or lists of strings (the vault CLI).
 */
final class VaultLoginForm {

	private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,\\s]+)");

	private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");

	private final StsRequestChecks checks;

	VaultLoginForm(StsRequestChecks checks) {
		this.checks = checks;
	}

	StsRequest read(String json) {
		Map<String, Object> login;
		try {
			login = JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "the token is not a JSON object");
		}
		if (login == null) {
			// Nimbus's lenient parser answers some inputs (found by fuzzing) with null
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "the token is not a JSON object");
		}
		if (!"POST".equals(login.get(IamTokenWireFormat.VAULT_METHOD))) {
			throw StsRequestChecks.invalid("iam_http_request_method must be POST");
		}
		URI uri = StsRequestChecks.uri(new String(base64(login.get(IamTokenWireFormat.VAULT_URL)), StandardCharsets.UTF_8));
		if (uri.getRawQuery() != null) {
			throw StsRequestChecks.invalid("iam_request_url must not have a query");
		}
		URI endpoint = this.checks.endpoint(uri);
		String body = new String(base64(login.get(IamTokenWireFormat.VAULT_BODY)), StandardCharsets.UTF_8);
		StsRequestChecks.checkForm(body);
		Map<String, List<String>> headers = headers(base64(login.get(IamTokenWireFormat.VAULT_HEADERS)));
		List<String> authorization = header(headers, "authorization");
		if (authorization.size() != 1 || !authorization.get(0).startsWith("AWS4-HMAC-SHA256 ")) {
			throw StsRequestChecks.invalid("exactly one SigV4 Authorization header is required");
		}
		StsRequestChecks.checkCredential(single(CREDENTIAL, authorization.get(0), "Credential"));
		List<String> signedHeaders = List.of(single(SIGNED_HEADERS, authorization.get(0), "SignedHeaders").split(";"));
		StsRequestChecks.checkSigned(signedHeaders, IamTokenReader.VAULT_AUDIENCE);
		List<String> audience = header(headers, IamTokenReader.VAULT_AUDIENCE);
		if (audience.size() != 1 || !audience.get(0).equals(this.checks.serverId())) {
			throw StsRequestChecks.invalid("the token was made for another server id");
		}
		List<String> dates = header(headers, "x-amz-date");
		if (dates.size() != 1) {
			throw StsRequestChecks.invalid("exactly one X-Amz-Date header is required");
		}
		Instant expiresAt = this.checks.checkTime(StsRequestChecks.date(dates.get(0)), StsRequestChecks.MAX_EXPIRES);
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

	private static Map<String, List<String>> headers(byte[] json) {
		Map<String, Object> raw;
		try {
			raw = JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (ParseException ex) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED,
					"iam_request_headers is not a JSON object");
		}
		if (raw == null) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED,
					"iam_request_headers is not a JSON object");
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
				throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED,
						"iam_request_headers values must be strings");
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
			throw StsRequestChecks.invalid(name + " is missing from the Authorization header");
		}
		String found = matcher.group(1);
		if (matcher.find()) {
			throw StsRequestChecks.invalid(name + " appears more than once in the Authorization header");
		}
		return found;
	}

	private static byte[] base64(@Nullable Object value) {
		if (!(value instanceof String text)) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "a login field is missing");
		}
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "a login field is not base64");
		}
	}

}
