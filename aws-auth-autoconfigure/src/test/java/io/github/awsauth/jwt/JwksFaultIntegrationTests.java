package io.github.awsauth.jwt;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer is down when the application starts, comes up, and goes down again: the
 * application starts regardless, tokens signed by cached keys keep working, and a token whose key
 * is not cached while the issuer is down cannot be judged: 503.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.jwks.refresh-cooldown=500ms", "aws.auth.jwt.jwks.max-age=1s" })
class JwksFaultIntegrationTests {

	/** Bound once, on a port of its own choosing: "down" is a stub that resets the connection. */
	static final WireMockServer idp = new WireMockServer(options().dynamicPort());

	static {
		idp.start();
	}

	static final String issuer = "http://localhost:" + idp.port() + "/eu-west-1_Down";

	static final TestTokens tokens = new TestTokens(issuer);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> issuer);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
	}

	@AfterAll
	static void stopIdp() {
		idp.stop();
	}

	@Test
	void startsWhileIssuerIsDownAndRecoversWhenItComesBack() throws Exception {
		down();
		String token = tokens.sign(tokens.accessClaims());
		HttpResponse<String> down = Http.bearer(this.port, "/api/me", token);
		assertThat(down.statusCode()).as("the token could not be judged").isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(down.headers().allValues("WWW-Authenticate")).isEmpty();
		assertThat(down.body()).contains(SanitizingJwtDecoder.KEYS_UNAVAILABLE).doesNotContain("localhost:" + idp.port());

		startIdp();
		Thread.sleep(600);
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(200);

		down();
		Thread.sleep(1500);
		assertThat(Http.bearer(this.port, "/api/me", tokens.sign(tokens.accessClaims())).statusCode())
			.as("cached key after max-age while the issuer is down")
			.isEqualTo(200);
		String unknownKid = TestTokens.sign(tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("new-key"), tokens.attacker);
		assertThat(Http.bearer(this.port, "/api/me", unknownKid).statusCode())
			.as("a key that is not cached while the issuer is down cannot be judged")
			.isEqualTo(503);
	}

	private static void startIdp() {
		idp.resetAll();
		idp.stubFor(get("/eu-west-1_Down/.well-known/jwks.json").willReturn(okJson(tokens.jwks())));
	}

	private static void down() {
		idp.resetAll();
		idp.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
	}

}
