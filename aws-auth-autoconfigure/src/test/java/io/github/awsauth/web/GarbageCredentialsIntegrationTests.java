package io.github.awsauth.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mechanism on at once, fed a deterministic stream of random and half-valid credentials in
 * every place they are read from: each answer is a 4xx with a problem body, never a 5xx, and no
 * stack trace reaches the log.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.issuers[0].issuer-uri=http://localhost:1/pool",
				"aws.auth.jwt.issuers[0].audiences=app", "aws.auth.sigv4.enabled=true",
				"aws.auth.sigv4.service=execute-api", "aws.auth.sigv4.region=eu-west-1",
				"aws.auth.sigv4.keys[0].access-key-id=AKID", "aws.auth.sigv4.keys[0].secret-access-key=secret",
				"aws.auth.sigv4.keys[0].principal=p", "aws.auth.iam.enabled=true", "aws.auth.iam.server-id=api",
				"aws.auth.iam.sts-endpoint=http://localhost:1",
				"aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1",
				"aws.auth.alb.public-key-uri=http://localhost:1/{kid}",
				"aws.auth.alb.signer-arns=arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/x/y" })
@ExtendWith(OutputCaptureExtension.class)
class GarbageCredentialsIntegrationTests {

	/** A key with ':' cannot go in {@code properties} (it would be split at the first ':'). */
	@DynamicPropertySource
	static void allowlist(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.iam.principals[arn:aws:iam::123456789012:role/x]", () -> "R");
	}


	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String[] PREFIXES = { "Bearer ", "Bearer k8s-aws-v1.", "AWS-IAM ", "AWS4-HMAC-SHA256 ",
			"AWS4-HMAC-SHA256 Credential=AKID/20261124/eu-west-1/execute-api/aws4_request, SignedHeaders=host, Signature=",
			"Basic ", "" };

	@LocalServerPort
	int port;

	@Test
	void garbageCredentialsOfEveryMechanismAreAlwaysA4xxWithoutAStackTrace(CapturedOutput output) throws Exception {
		Random random = new Random(20261124);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String garbage = garbage(random);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"
					+ ((i % 5 == 0) ? "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + garbage.hashCode() : "")));
			switch (i % 3) {
				case 0 -> request.header("Authorization", PREFIXES[random.nextInt(PREFIXES.length)] + garbage);
				case 1 -> request.header("x-amzn-oidc-data", garbage);
				default -> request.header("Authorization", PREFIXES[random.nextInt(PREFIXES.length)] + garbage)
					.header("X-Amz-Date", garbage.length() > 16 ? garbage.substring(0, 16) : garbage);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(response.statusCode());
			assertThat(response.statusCode()).as(garbage).isBetween(400, 499);
			assertThat(response.body()).contains("\"status\":" + response.statusCode());
		}
		assertThat(statuses).contains(401);
		assertThat(output.getAll()).doesNotContain("Exception\n\tat ", "ERROR");
	}

	private static String garbage(Random random) {
		int kind = random.nextInt(4);
		byte[] bytes = new byte[1 + random.nextInt(kind == 3 ? 3000 : 200)];
		random.nextBytes(bytes);
		return switch (kind) {
			case 0 -> Base64.getUrlEncoder().encodeToString(bytes);
			case 1 -> Base64.getUrlEncoder().encodeToString(bytes) + "." + Base64.getUrlEncoder().encodeToString(bytes)
					+ "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			case 2 -> Base64.getEncoder().encodeToString("{\"iam_http_request_method\":\"POST\",\"x\":[1,{}]}".getBytes());
			default -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
				.replaceAll("[\\x00-\\x1f\\x7f-\\xff]", "x");
		};
	}

}
