package io.github.awsauth.authz;

import java.net.http.HttpResponse;

import io.github.awsauth.apikey.ApiKeyIntegrationTests;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestIdp;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route rules that name mechanisms ("machines only") and need all of several authorities, for a
 * Cognito user and API-key scripts on one service, with every other path denied.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.api-keys.enabled=true", "aws.auth.authorization.routes[0].pattern=/api/orders/**",
				"aws.auth.authorization.routes[0].mechanisms=api-key,instance-identity",
				"aws.auth.authorization.routes[1].pattern=/api/param",
				"aws.auth.authorization.routes[1].all-of=ROLE_partner,ROLE_reports",
				"aws.auth.authorization.public-paths=/public/**", "aws.auth.authorization.default=deny",
				"logging.level.io.github.awsauth.authz=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class RouteRulesIntegrationTests {

	static final String BOTH = "pk_live_route_rules_both_00000000001";

	static final String ONE = "pk_live_route_rules_one_000000000001";

	static final TestIdp idp = TestIdp.start();

	static final TestTokens tokens = idp.tokens;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		idp.trust(registry);
		ApiKeyIntegrationTests.issue(registry, 0, "both", BOTH, "ROLE_partner,ROLE_reports");
		ApiKeyIntegrationTests.issue(registry, 1, "one", ONE, "ROLE_partner");
	}

	@AfterAll
	static void stop() {
		idp.stop();
	}

	@Test
	void machinesOnlyRouteRefusesAUserAndLetsAMachineIn(CapturedOutput output) {
		HttpResponse<String> user = Http.bearer(this.port, "/api/orders", tokens.sign(tokens.accessClaims()));
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.body()).contains("\"detail\":\"This route does not accept callers authenticated this way\"")
			.doesNotContain("/api/orders/**");
		String decisionId = decisionId(user.body());
		assertThat(output.getAll()).contains("Decision " + decisionId + ": GET /api/orders denied to alice by route "
				+ "/api/orders/**");
		assertThat(user.headers().allValues("WWW-Authenticate")).as("no scope would help").isEmpty();
		assertThat(Http.getWithHeaders(this.port, "/api/orders", "X-Api-Key", ONE).statusCode()).isEqualTo(200);
	}

	@Test
	void allOfNeedsEveryAuthority() {
		assertThat(Http.getWithHeaders(this.port, "/api/param?name=x", "X-Api-Key", BOTH).statusCode())
			.isEqualTo(200);
		HttpResponse<String> one = Http.getWithHeaders(this.port, "/api/param?name=x", "X-Api-Key", ONE);
		assertThat(one.statusCode()).isEqualTo(403);
		assertThat(one.body()).contains("The caller lacks an authority this route requires", "\"decisionId\":")
			.doesNotContain("ROLE_reports");
	}

	@Test
	void pathThatNoRuleNamesIsDeniedToEveryCallerButPublicPathsStayOpen() {
		HttpResponse<String> denied = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", BOTH);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("No rule allows this request", "\"decisionId\":");
		assertThat(Http.bearer(this.port, "/api/me", tokens.sign(tokens.accessClaims())).statusCode()).isEqualTo(403);
		assertThat(Http.get(this.port, "/api/me", null).statusCode()).isEqualTo(401);
		assertThat(Http.get(this.port, "/public/ping", null).statusCode()).isEqualTo(200);
	}

	@Test
	void userWithoutTheAuthorityOfARouteIsToldAScopeMightHelp() {
		HttpResponse<String> user = Http.bearer(this.port, "/api/param?name=x", tokens.sign(tokens.accessClaims()));
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(user.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"insufficient_scope\"");
	}

	private static String decisionId(String body) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	@Test
	void routeWithoutACredentialIsStill401() {
		assertThat(Http.get(this.port, "/api/orders", null).statusCode()).isEqualTo(401);
	}

}
