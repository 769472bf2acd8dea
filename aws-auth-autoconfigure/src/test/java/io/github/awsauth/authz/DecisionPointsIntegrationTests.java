package io.github.awsauth.authz;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.apikey.ApiKeyIntegrationTests;
import io.github.awsauth.core.Caches;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestIdp;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every decision point from properties alone, in the documented order, after the route rules: the
 * policy authorizer, then OPA, then Verified Permissions. The first that denies ends it (the next
 * is not asked); an OPA that fails with {@code fail: unavailable} is a 503 with Retry-After.
 */
@SpringBootTest(classes = { TestApplication.class, DecisionPointsIntegrationTests.Credentials.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.api-keys.enabled=true", "aws.auth.authorization.routes[0].pattern=/api/orders/**",
				"aws.auth.authorization.routes[0].any-of=ROLE_partner,ROLE_admin",
				"aws.auth.authorization.policies[ROLE_partner][0]={\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":"
						+ "\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":[\"GET/api/orders\",\"GET/api/me\"]}}",
				"aws.auth.authorization.opa.fail=unavailable",
				"aws.auth.authorization.verified-permissions.policy-store-id=PSEXAMPLEabcdefg111111",
				"aws.auth.authorization.verified-permissions.region=eu-west-1",
				"aws.auth.authorization.verified-permissions.cache-ttl=0s",
				"logging.level.io.github.awsauth.authz=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class DecisionPointsIntegrationTests {

	static final String PARTNER_KEY = "pk_live_decision_points_partner_001";

	static final TestIdp idp = TestIdp.start();

	static final WireMockServer opa = new WireMockServer(options().dynamicPort());

	static final FakeVerifiedPermissions fake = new FakeVerifiedPermissions();

	static final WireMockServer avp = new WireMockServer(options().dynamicPort().extensions(fake));

	static final TestTokens tokens = idp.tokens;

	static {
		opa.start();
		avp.start();
		avp.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeVerifiedPermissions.NAME)));
	}

	@LocalServerPort
	int port;

	@Autowired
	Caches caches;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		idp.trust(registry);
		ApiKeyIntegrationTests.issue(registry, 0, "partner", PARTNER_KEY, "ROLE_partner");
		registry.add("aws.auth.authorization.opa.url", () -> "http://localhost:" + opa.port() + "/v1/data/http/authz");
		registry.add("aws.auth.authorization.verified-permissions.endpoint", () -> "http://localhost:" + avp.port());
	}

	@BeforeEach
	void reset() {
		fake.reset();
		opa.resetAll();
		// OPA's policy here: nothing with a query parameter "delete"
		opa.stubFor(post("/v1/data/http/authz").willReturn(okJson("{\"result\":{\"allow\":true}}")));
		opa.stubFor(post("/v1/data/http/authz").withRequestBody(matchingJsonPath("$.input.query.delete"))
			.willReturn(okJson("{\"result\":{\"allow\":false}}")));
	}

	@AfterAll
	static void stop() {
		idp.stop();
		opa.stop();
		avp.stop();
	}

	@Test
	void requestThatEveryDecisionPointAllowsGoesThroughWithTheRouteAsTheAction() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/orders", "X-Api-Key", PARTNER_KEY);
		assertThat(response.statusCode()).isEqualTo(200);
		opa.verify(1, postRequestedFor(urlEqualTo("/v1/data/http/authz")));
		assertThat(fake.received).hasSize(1);
		Map<String, Object> asked = fake.received.get(0).getValue();
		assertThat(asked.get("action")).as("the route rule's pattern names the action")
			.isEqualTo(Map.of("actionType", "App::Action", "actionId", "GET /api/orders/**"));
		assertThat(asked.get("principal")).as("an API key is named by its mechanism too")
			.isEqualTo(Map.of("entityType", "App::User", "entityId", "api-key|partner"));
	}

	@Test
	void decisionPointsWithoutACacheReportNone() {
		assertThat(this.caches.statistics()).containsKey("jwt.verified")
			.doesNotContainKeys("opa.decisions", "verified-permissions.decisions");
	}

	@Test
	void policyDenialEndsItBeforeOpaAndVerifiedPermissions() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/users/x/orders", "X-Api-Key",
				PARTNER_KEY);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("The caller's policies do not allow this request");
		assertThat(opa.getAllServeEvents()).isEmpty();
		assertThat(fake.received).isEmpty();
	}

	@Test
	void opaDenialEndsItBeforeVerifiedPermissions(CapturedOutput output) {
		HttpResponse<String> denied = Http.bearer(this.port, "/api/orders?delete=1",
				tokens.sign((claims) -> claims.claim("cognito:groups", List.of("partner"))));
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("\"detail\":\"The decision point denied this request\"", "\"decisionId\":");
		assertThat(output.getAll()).contains(
				"Decision " + PolicyAuthorizerIntegrationTests.decisionId(denied.body()) + ": GET /api/orders denied to alice by OPA");
		assertThat(fake.received).as("Verified Permissions is not asked").isEmpty();
	}

	@Test
	void verifiedPermissionsDenialIsA403() {
		fake.decide = (request) -> "DENY";
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/orders", "X-Api-Key", PARTNER_KEY);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("The decision point denied this request");
	}

	@Test
	void opaThatFailsIsA503WithRetryAfter() {
		opa.resetAll();
		opa.stubFor(post("/v1/data/http/authz").willReturn(aResponse().withStatus(500)));
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/orders", "X-Api-Key", PARTNER_KEY);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("\"status\":503", "The decision point could not be asked; retry later")
			.doesNotContain("Exception");
	}

	@Configuration(proxyBeanMethods = false)
	static class Credentials {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(FakeVerifiedPermissions.ACCESS_KEY, FakeVerifiedPermissions.SECRET));
		}

	}

}
