package io.github.awsauth.alb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aws.auth.alb.verify-access-token}: the ALB's {@code x-amzn-oidc-accesstoken} is verified as
 * a Cognito access token of the trusted pool, must belong to the same user, and adds its groups and
 * scopes (which ALB's user claims lack).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1",
				"aws.auth.alb.verify-access-token=true", "aws.auth.alb.signer-arns=" + AlbTokens.SIGNER })
class AlbAccessTokenIntegrationTests {

	static final WireMockServer server = new WireMockServer(options().dynamicPort());

	static final ECKey albKey = TestTokens.generateEcKey();

	static final String kid = UUID.randomUUID().toString();

	static final String pool;

	static final TestTokens poolTokens;

	static {
		server.start();
		pool = "http://localhost:" + server.port() + "/eu-west-1_Pool";
		poolTokens = new TestTokens(pool);
		server.stubFor(get("/alb-keys/" + kid).willReturn(ok(AlbTokens.pem(albKey))));
		server.stubFor(get("/eu-west-1_Pool/.well-known/jwks.json").willReturn(okJson(poolTokens.jwks())));
	}

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.alb.public-key-uri", () -> "http://localhost:" + server.port() + "/alb-keys/{kid}");
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> pool);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void groupsAndScopesComeFromTheVerifiedAccessToken() throws Exception {
		String access = poolTokens.sign((claims) -> claims.subject("9f3c-alice"));
		HttpResponse<String> me = call(data(), access);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"mechanism\":\"alb\"", "\"ROLE_admin\"", "\"SCOPE_orders.read\"");
	}

	@Test
	void missingForgedOrOtherUsersAccessTokensAreRefused() throws Exception {
		assertThat(call(data(), null).body()).contains("access token is missing");
		String forged = TestTokens.sign(poolTokens.accessClaims().subject("9f3c-alice"),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"), poolTokens.attacker);
		HttpResponse<String> response = call(data(), forged);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Invalid ALB access token: Invalid signature");
		String bobs = poolTokens.sign((claims) -> claims.subject("bob-sub").claim("cognito:groups", List.of("admin")));
		assertThat(call(data(), bobs).body()).contains("another user");
	}

	private static String data() {
		return AlbTokens.token(kid, albKey, (h) -> {
		}, (c) -> {
		}, false);
	}

	private HttpResponse<String> call(String data, String accessToken) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("x-amzn-oidc-data", data);
		if (accessToken != null) {
			request.header("x-amzn-oidc-accesstoken", accessToken);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
