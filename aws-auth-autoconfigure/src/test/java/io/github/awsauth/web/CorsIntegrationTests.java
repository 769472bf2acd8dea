package io.github.awsauth.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-page app on another origin calling the API with its tokens: real preflights are
 * answered before authentication and need no credential, an allowed origin can read even a 401,
 * and a disallowed origin gets no CORS headers.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.issuers[0].issuer-uri=http://localhost:1/pool",
				"aws.auth.jwt.issuers[0].audiences=app", "aws.auth.cors.allowed-origins=https://app.example.com",
				"aws.auth.cors.max-age=10m" })
class CorsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void preflightFromAnAllowedOriginNeedsNoCredential() throws Exception {
		HttpResponse<String> preflight = preflight("https://app.example.com");
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization");
		assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
		assertThat(preflight.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void allowedOriginCanReadTheChallengeOfARequestWithoutToken() throws Exception {
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(uri("/api/me"))
			.header("Origin", "https://app.example.com")
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
			.contains("WWW-Authenticate");
	}

	@Test
	void disallowedOriginGetsNoCorsHeaders() throws Exception {
		HttpResponse<String> preflight = preflight("https://evil.example.com");
		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().map().keySet()).noneMatch((name) -> name.startsWith("access-control-"));
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return Http.send(HttpRequest.newBuilder(uri("/api/orders"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
