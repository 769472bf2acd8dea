package io.github.awsauth.testapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.jwt.TestTokens;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A Cognito-shaped issuer on loopback for integration tests: WireMock serving the key set of a
 * user pool at {@code /eu-west-1_Pool/.well-known/jwks.json}, the tokens it signs, and the
 * properties that make a service trust it for the app client {@code app-client}.
 */
public final class TestIdp {

	/** The server, started. */
	public final WireMockServer server = new WireMockServer(options().dynamicPort());

	/** The issuer, {@code http://localhost:<port>/eu-west-1_Pool}. */
	public final String issuer;

	/** Tokens of this issuer. */
	public final TestTokens tokens;

	private TestIdp() {
		this.server.start();
		this.issuer = "http://localhost:" + this.server.port() + "/eu-west-1_Pool";
		this.tokens = new TestTokens(this.issuer);
		this.server.stubFor(get("/eu-west-1_Pool/.well-known/jwks.json").willReturn(okJson(this.tokens.jwks())));
	}

	/**
	 * Start an issuer.
	 * @return the running issuer
	 */
	public static TestIdp start() {
		return new TestIdp();
	}

	/**
	 * Make the service under test trust this issuer as its first, Cognito-shaped one.
	 * @param registry the test's dynamic properties
	 */
	public void trust(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> this.issuer);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
	}

	/** Stop the server. */
	public void stop() {
		this.server.stop();
	}

}
