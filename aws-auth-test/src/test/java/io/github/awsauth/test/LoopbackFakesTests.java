package io.github.awsauth.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopback fakes over real HTTP against the starter's real mechanisms: a token of the
 * {@link TestIssuer}, a header of the {@link TestAlb} and an IAM token that the {@link TestSts}
 * checks are accepted; expired, foreign and forged ones are refused as the real ones would be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopbackFakesTests {

	static final TestIssuer issuer = TestIssuer.start();

	static final TestAlb alb = TestAlb.start();

	static final TestSts sts = TestSts.start()
		.caller("AKIDWORKER", "worker-secret", "arn:aws:sts::123456789012:assumed-role/worker/i-1");

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void trustTheFakes(DynamicPropertyRegistry registry) {
		issuer.properties().forEach((name, value) -> registry.add(name, () -> value));
		alb.properties().forEach((name, value) -> registry.add(name, () -> value));
		sts.properties("orders-api").forEach((name, value) -> registry.add(name, () -> value));
		registry.add("aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker]", () -> "ROLE_worker");
	}

	@AfterAll
	static void stop() {
		issuer.close();
		alb.close();
		sts.close();
	}

	@Test
	void anAccessTokenOfTheIssuerIsAccepted() throws Exception {
		HttpResponse<String> me = get("Authorization",
				"Bearer " + issuer.accessToken("alice").groups("ops").scopes("orders.read").sign());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"jwt\"", "\"cognito:groups\":[\"ops\"]",
				"\"authorities\":[\"PERM_orders.read\"]");
		String admin = issuer.accessToken("alice").claim("groups", List.of("admin")).sign();
		assertThat(get("Authorization", "Bearer " + admin, "/admin").statusCode())
			.as("this application reads groups from 'groups'")
			.isEqualTo(200);
	}

	@Test
	void expiredForeignAndIdTokensAreRefusedAsCognitosWouldBe() throws Exception {
		assertThat(get("Authorization", "Bearer " + issuer.accessToken("alice").expiresIn(Duration.ofMinutes(-5)).sign())
			.body()).contains("expired");
		try (TestIssuer other = TestIssuer.start()) {
			assertThat(get("Authorization", "Bearer " + other.accessToken("alice").sign()).statusCode()).isEqualTo(401);
		}
		assertThat(get("Authorization", "Bearer " + issuer.idToken("alice").sign()).statusCode())
			.as("the issuer is configured for access tokens, Cognito's default")
			.isEqualTo(401);
	}

	@Test
	void anAlbHeaderOfTheLoadBalancerIsAccepted() throws Exception {
		HttpResponse<String> me = get(TestAlb.HEADER, alb.user("9f3c-alice").claim("email", "alice@example.com").header());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"9f3c-alice\"", "\"mechanism\":\"alb\"", "alice@example.com");
	}

	@Test
	void expiredAndForeignAlbHeadersAreRefused() throws Exception {
		assertThat(get(TestAlb.HEADER, alb.user("9f3c-alice").expiresIn(Duration.ofMinutes(-5)).header()).statusCode())
			.isEqualTo(401);
		try (TestAlb other = TestAlb.start(
				"arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/other/fedcba9876543210")) {
			assertThat(get(TestAlb.HEADER, other.user("9f3c-alice").header()).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void anIamTokenIsAcceptedOnceStsHasCheckedItsSignature() throws Exception {
		int before = sts.calls();
		for (IamTokenForm form : IamTokenForm.values()) {
			HttpResponse<String> me = get("Authorization", sts.token("AKIDWORKER", "orders-api", form));
			assertThat(me.statusCode()).as(form.name()).isEqualTo(200);
			assertThat(me.body()).contains("\"name\":\"arn:aws:iam::123456789012:role/worker\"", "\"mechanism\":\"iam\"");
		}
		assertThat(sts.calls() - before).isEqualTo(IamTokenForm.values().length);
	}

	@Test
	void stsRefusesATokenSignedForAnotherServiceOrWithAnotherSecret() throws Exception {
		assertThat(get("Authorization", sts.token("AKIDWORKER", "billing-api")).body())
			.contains("STS refused the IAM token: SignatureDoesNotMatch");
		assertThat(get("Authorization", signedBy("AKIDWORKER", "guessed-secret")).body())
			.contains("STS refused the IAM token: SignatureDoesNotMatch");
		assertThat(get("Authorization", signedBy("AKIDNOBODY", "any-secret")).body())
			.contains("STS refused the IAM token: InvalidClientTokenId");
	}

	/** A token for this service and this STS, signed with any key, as an impostor would make one. */
	private static String signedBy(String accessKeyId, String secret) {
		return new IamTokenGenerator(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)),
				URI.create(sts.endpoint()), "eu-west-1", "orders-api", IamTokenForm.VAULT, Clock.systemUTC())
			.authorization();
	}

	private HttpResponse<String> get(String header, String value) throws IOException, InterruptedException {
		return get(header, value, "/me");
	}

	private HttpResponse<String> get(String header, String value, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header(header, value)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
