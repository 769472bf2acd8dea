package io.github.awsauth.authz;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.awsauth.apikey.ApiKeyIntegrationTests;
import io.github.awsauth.client.SigV4SigningInterceptor;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestIdp;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy authorizer over three mechanisms on one service: a Cognito user and a SigV4 machine
 * holding {@code ROLE_partner} (its policy in YAML, with an escaped {@code ${aws:username}}), and an
 * API-key script holding {@code ROLE_reports} (its policy in a resource file), reaching the same
 * endpoints, plus the {@code awsAuth} helpers {@code isOwner} with an owner attribute and
 * {@code allowed}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.import=classpath:authz/policies.yml", "aws.auth.api-keys.enabled=true",
				"aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api", "aws.auth.sigv4.region=eu-west-1",
				"aws.auth.sigv4.keys[0].access-key-id=AKIDPARTNER",
				"aws.auth.sigv4.keys[0].secret-access-key=partner-secret-key",
				"aws.auth.sigv4.keys[0].principal=partner-a", "aws.auth.sigv4.keys[0].authorities=ROLE_partner",
				"aws.auth.authorization.policy-locations=classpath:authz/policies/*.json",
				"aws.auth.authorization.owner-attribute=custom:tenant",
				"aws.auth.authorization.routes[0].pattern=/api/reports/**",
				"aws.auth.authorization.routes[0].mechanisms=api-key,sigv4",
				"logging.level.io.github.awsauth.authz=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class PolicyAuthorizerIntegrationTests {

	static final String REPORTS_KEY = "pk_live_policies_reports_0000000001";

	static final TestIdp idp = TestIdp.start();

	static final TestTokens tokens = idp.tokens;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		idp.trust(registry);
		ApiKeyIntegrationTests.issue(registry, 0, "acme", REPORTS_KEY, "ROLE_reports");
	}

	@AfterAll
	static void stop() {
		idp.stop();
	}

	@Test
	void userReachesHerOwnOrdersThroughTheEscapedVariableAndNoOneElses(CapturedOutput output) {
		assertThat(user("/api/users/alice/orders").statusCode()).isEqualTo(200);
		assertThat(user("/api/users/username/orders").statusCode())
			.as("the variable was not resolved by Spring into the user 'username'")
			.isEqualTo(403);
		HttpResponse<String> other = user("/api/users/bob/orders");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).contains("\"detail\":\"The caller's policies do not allow this request\"")
			.doesNotContain("OwnOrders", "aws:username");
		assertThat(other.headers().allValues("WWW-Authenticate")).as("no scope would help").isEmpty();
		assertThat(output.getAll()).contains("Decision " + decisionId(other.body())
				+ ": GET /api/users/bob/orders denied to alice by policies (IMPLICIT_DENY)");
	}

	@Test
	void machineWithTheSameAuthorityGetsTheSamePolicyAndTheExplicitDenyWins(CapturedOutput output) {
		assertThat(machine("/api/users/partner-a/orders")).isEqualTo(200);
		assertThat(machine("/api/users/alice/orders")).isEqualTo(403);
		assertThat(machine("/api/admin")).isEqualTo(403);
		assertThat(output.getAll()).contains("GET /api/admin denied to partner-a by policies (EXPLICIT_DENY statement NoAdmin)");
	}

	@Test
	void apiKeyScriptIsDecidedByThePolicyFileOfItsAuthorityAndByAllowedInPreAuthorize() {
		assertThat(script("/api/reports/acme-2026").statusCode()).isEqualTo(200);
		HttpResponse<String> other = script("/api/reports/globex-2026");
		assertThat(other.statusCode()).as("the page is allowed, the report is not").isEqualTo(403);
		assertThat(other.body()).contains("The caller's policies do not allow this request");
		assertThat(script("/api/me").statusCode()).as("no statement allows it").isEqualTo(403);
	}

	@Test
	void routeRuleDecidesBeforeThePolicies() {
		HttpResponse<String> user = user("/api/reports/acme-2026");
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.body()).contains("This route does not accept callers authenticated this way");
		assertThat(machine("/api/reports/acme-2026")).as("the route lets it in, its policy does not").isEqualTo(403);
		assertThat(script("/api/reports/acme-2026").statusCode()).isEqualTo(200);
	}

	@Test
	void userWithoutAPolicyIsDenied() {
		HttpResponse<String> response = Http.bearer(this.port, "/api/me",
				tokens.sign((claims) -> claims.claim("cognito:groups", List.of("ops"))));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(Http.get(this.port, "/api/me", null).statusCode()).as("no caller: still 401").isEqualTo(401);
	}

	@Test
	void ownerCheckComparesTheConfiguredAttribute() {
		String acme = tokens.sign((claims) -> claims.claim("cognito:groups", List.of("partner"))
			.claim("custom:tenant", "acme"));
		assertThat(Http.bearer(this.port, "/api/tenants/acme/orders", acme).body()).isEqualTo("orders of acme");
		HttpResponse<String> other = Http.bearer(this.port, "/api/tenants/alice/orders", acme);
		assertThat(other.statusCode()).as("the name is not the owner attribute").isEqualTo(403);
		assertThat(other.body()).contains("The caller is not the owner of this resource");
		assertThat(user("/api/tenants/alice/orders").statusCode()).as("no tenant attribute: no owner").isEqualTo(403);
	}

	private HttpResponse<String> user(String path) {
		return Http.bearer(this.port, path, tokens.sign((claims) -> claims.claim("cognito:groups", List.of("partner"))));
	}

	private HttpResponse<String> script(String path) {
		return Http.getWithHeaders(this.port, path, "X-Api-Key", REPORTS_KEY);
	}

	private int machine(String path) {
		RestClient client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.requestInterceptor(new SigV4SigningInterceptor(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPARTNER", "partner-secret-key")),
					"execute-api", "eu-west-1"))
			.build();
		return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
	}

	static String decisionId(String body) {
		Matcher matcher = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

}
