package io.github.awsauth.jwt;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer is down when the application starts, comes up, and goes down again: the
 * application starts regardless, tokens signed by cached keys keep working, others get 401.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.jwks.refresh-cooldown=500ms", "aws.auth.jwt.jwks.max-age=1s" })
class JwksFaultIntegrationTests {

	static final int idpPort = freePort();

	static final String issuer = "http://localhost:" + idpPort + "/eu-west-1_Down";

	static final TestTokens tokens = new TestTokens(issuer);

	WireMockServer idp;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> issuer);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
	}

	@AfterEach
	void stopIdp() {
		if (this.idp != null) {
			this.idp.stop();
		}
	}

	@Test
	void startsWhileIssuerIsDownAndRecoversWhenItComesBack() throws Exception {
		String token = tokens.sign(tokens.accessClaims());
		HttpResponse<String> down = Http.bearer(this.port, "/api/me", token);
		assertThat(down.statusCode()).as("the token could not be judged").isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(down.headers().allValues("WWW-Authenticate")).isEmpty();
		assertThat(down.body()).contains(SanitizingJwtDecoder.KEYS_UNAVAILABLE).doesNotContain("localhost:" + idpPort);

		startIdp();
		Thread.sleep(600);
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(200);

		this.idp.stop();
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

	private void startIdp() {
		this.idp = new WireMockServer(options().port(idpPort));
		this.idp.start();
		this.idp.stubFor(get("/eu-west-1_Down/.well-known/jwks.json").willReturn(okJson(tokens.jwks())));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
