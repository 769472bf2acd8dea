package io.github.awsauth.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Coverage-guided fuzzing of the SigV4 parser, the query check and the canonicalizer: whatever the
 * request, an {@link AwsAuthenticationException} is the only failure, and no request verifies,
 * since the fuzzer does not hold the secret. The date is fresh and the scope right half the time,
 * so the fuzzer reaches the canonicalizer and the signature comparison.
 */
class SigV4FuzzTests {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final SigV4Verifier verifier = new SigV4Verifier(
			(id) -> "AKIDFUZZ".equals(id) ? new SigV4Key(id, "fuzz-secret", "fuzzer", List.of()) : null, "eu-west-1",
			"execute-api", Duration.ofMinutes(5), false, true, Clock.systemUTC());

	@FuzzTest(maxDuration = "10m")
	void anyRequestIsRefusedWithAnAuthenticationException(FuzzedDataProvider data) {
		String date = AMZ_DATE.format(Instant.now());
		String authorization = data.consumeBoolean()
				? "AWS4-HMAC-SHA256 Credential=AKIDFUZZ/" + date.substring(0, 8) + "/eu-west-1/execute-api/aws4_request, "
						+ data.consumeString(200)
				: data.consumeString(400);
		String query = data.consumeBoolean() ? data.consumeString(300) : null;
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("authorization", List.of(authorization));
		headers.put("x-amz-date", List.of(data.consumeBoolean() ? date : data.consumeString(20)));
		headers.put("host", List.of(data.consumeString(40)));
		if (data.consumeBoolean()) {
			headers.put(data.consumeString(20), List.of(data.consumeString(60), data.consumeString(60)));
		}
		String path = "/" + data.consumeString(100);
		byte[] body = data.consumeRemainingAsBytes();
		SigV4Request request = new SigV4Request("POST", path, query, headers, body);
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> {
			UnambiguousQuery.check(query);
			verifier.verify(request);
		});
	}

}
