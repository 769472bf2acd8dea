package io.github.awsauth.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls to a running sample as its users make them: tokens from the local IdP over HTTP, then the
 * API with a bearer token or an API key.
 */
final class SampleCalls {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	final String app;

	final String idp;

	SampleCalls(SampleApplication.RunningSample sample) {
		this.app = "http://localhost:" + ((WebServerApplicationContext) sample.app()).getWebServer().getPort();
		this.idp = "http://localhost:" + ((WebServerApplicationContext) sample.idp()).getWebServer().getPort();
	}

	String userToken(String user) throws Exception {
		return token("demo-cli:demo-secret", Map.of("grant_type", "password", "username", user, "password",
				user + "-password", "scope", "orders.read orders.write"));
	}

	String machineToken() throws Exception {
		return token("orders-machine:orders-machine-secret",
				Map.of("grant_type", "client_credentials", "scope", "orders.read orders.write"));
	}

	private String token(String client, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.idp + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}

	HttpResponse<String> call(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.app + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> withApiKey(String method, String path, String key) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(this.app + path))
			.header("X-Api-Key", key)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
