package io.github.awsauth.alb;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Made-up {@code kid}s cannot make the service fetch without bound: each costs a fetch only while
 * the budget of the window lasts, and beyond it a new kid is answered 503 without a fetch.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1",
				"aws.auth.alb.signer-arns=" + AlbTokens.SIGNER, "aws.auth.alb.max-new-key-fetches=5",
				"aws.auth.alb.refresh-cooldown=1h" })
class AlbKeyFetchBudgetIntegrationTests {

	static final WireMockServer keyServer = new WireMockServer(options().dynamicPort());

	static final ECKey key = TestTokens.generateEcKey();

	static {
		keyServer.start();
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.alb.public-key-uri", () -> "http://localhost:" + keyServer.port() + "/{kid}");
	}

	@AfterAll
	static void stop() {
		keyServer.stop();
	}

	@Test
	void fiftyMadeUpKidsCostAtMostTheBudget() throws Exception {
		int unavailable = 0;
		for (int i = 0; i < 50; i++) {
			String token = AlbTokens.token(UUID.randomUUID().toString(), key, (h) -> {
			}, (c) -> {
			}, false);
			HttpResponse<String> response = Http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
				.header("x-amzn-oidc-data", token)
				.build());
			assertThat(response.statusCode()).isIn(401, 503);
			unavailable += (response.statusCode() == 503) ? 1 : 0;
		}
		assertThat(keyServer.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount()).isEqualTo(5);
		assertThat(unavailable).isEqualTo(45);
	}

}
