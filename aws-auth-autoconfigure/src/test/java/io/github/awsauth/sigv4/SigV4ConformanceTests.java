package io.github.awsauth.sigv4;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AwsAuthenticationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * AWS's official SigV4 test suite: every case, header and presigned variant, verified by the
 * starter, with its canonical request and string to sign equal to the suite's, and a tampered
 * copy rejected.
 */
class SigV4ConformanceTests {

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("cases")
	void verifiesTheSuitesSignedRequest(String name, String variant) throws Exception {
		assumeFalse(name.equals("post-sts-header-after") && variant.equals("query"),
				"signer-only case: the security token is in the URL but left out of the canonical query");
		Path dir = suite().resolve(name);
		Map<String, Object> context = JSONObjectUtils.parse(Files.readString(dir.resolve("context.json")));
		SigV4Request request = parse(Files.readString(dir.resolve(variant + "-signed-request.txt")));
		SigV4Verifier verifier = verifier(context);

		SigV4Verifier.Verified verified = verifier.verify(request);
		assertThat(verified.key().principal()).isEqualTo("suite");

		SigV4Authorization authorization = SigV4AuthorizationParser.parse(request);
		String canonical = SigV4Canonicalizer.canonicalRequest(request, authorization,
				payloadHash(request), (Boolean) context.get("normalize"));
		assertThat(canonical).isEqualTo(Files.readString(dir.resolve(variant + "-canonical-request.txt")));
		assertThat(SigV4Verifier.stringToSign(authorization, canonical))
			.isEqualTo(Files.readString(dir.resolve(variant + "-string-to-sign.txt")));

		SigV4Request tampered = new SigV4Request(request.method(), request.rawPath() + "x", request.rawQuery(),
				request.headers(), request.body());
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> verifier.verify(tampered))
			.withMessageContaining("signature does not match");
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(suite())) {
			dirs.filter(Files::isDirectory).map((dir) -> dir.getFileName().toString()).sorted().forEach((name) -> {
				cases.add(Arguments.of(name, "header"));
				cases.add(Arguments.of(name, "query"));
			});
		}
		return cases.stream();
	}

	private static SigV4Verifier verifier(Map<String, Object> context) throws Exception {
		Map<String, Object> credentials = JSONObjectUtils.getJSONObject(context, "credentials");
		SigV4Key key = new SigV4Key((String) credentials.get("access_key_id"),
				(String) credentials.get("secret_access_key"), "suite", List.of());
		Instant timestamp = Instant.parse((String) context.get("timestamp"));
		return new SigV4Verifier((id) -> id.equals(key.accessKeyId()) ? key : null, (String) context.get("region"),
				(String) context.get("service"), Duration.ofMinutes(5), false, (Boolean) context.get("normalize"),
				Clock.fixed(timestamp, ZoneOffset.UTC));
	}

	private static String payloadHash(SigV4Request request) {
		List<String> declared = request.header("x-amz-content-sha256");
		return declared.isEmpty() ? java.util.HexFormat.of().formatHex(sha256(request.body())) : declared.get(0);
	}

	private static byte[] sha256(byte[] body) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The suite's request syntax: raw target, folded header lines, body after the blank line. */
	static SigV4Request parse(String text) {
		int blank = text.indexOf("\n\n");
		String head = (blank < 0) ? text : text.substring(0, blank);
		byte[] body = (blank < 0) ? new byte[0] : text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
		String[] lines = head.split("\n");
		String requestLine = lines[0];
		String method = requestLine.substring(0, requestLine.indexOf(' '));
		String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/1.1"));
		int question = target.indexOf('?');
		String path = (question < 0) ? target : target.substring(0, question);
		String query = (question < 0) ? null : target.substring(question + 1);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String last = null;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			if (Character.isWhitespace(line.charAt(0)) && last != null) {
				List<String> values = headers.get(last);
				values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
				continue;
			}
			int colon = line.indexOf(':');
			last = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
			headers.computeIfAbsent(last, (n) -> new ArrayList<>()).add(line.substring(colon + 1));
		}
		return new SigV4Request(method, path, query, headers, body);
	}

	static Path suite() {
		URL url = SigV4ConformanceTests.class.getResource("/aws-sigv4-test-suite/v4");
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
