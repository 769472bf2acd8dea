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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the sample as a user does (service and embedded IdP), gets real tokens from the IdP over
 * HTTP and calls the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static SampleApplication.RunningSample sample;

	private static String app;

	private static String idp;

	private static String startupLog;

	@BeforeAll
	static void start(CapturedOutput output) {
		sample = SampleApplication.start("--server.port=0", "--sample.local-idp.port=0");
		startupLog = output.getAll();
		app = "http://localhost:" + ((WebServerApplicationContext) sample.app()).getWebServer().getPort();
		idp = "http://localhost:" + ((WebServerApplicationContext) sample.idp()).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		sample.close();
	}

	@Test
	void startupLogsTheServiceAndOneReadyLineWithItsUrlsAndDemoUsers() {
		String appPort = app.substring(app.lastIndexOf(':') + 1);
		assertThat(startupLog).contains("Tomcat started on port " + appPort, "Sample ready: service " + app,
				"local IdP " + idp, "alice/alice-password");
	}

	@Test
	void theServiceTrustsOnlyTheStartersDecoder() {
		assertThat(sample.app().getBeansOfType(JwtDecoder.class)).containsOnlyKeys("awsJwtDecoder");
	}

	@Test
	void aliceSeesHerNameMechanismAndAuthorities() throws Exception {
		JsonNode me = json.readTree(call("GET", "/api/me", userToken("alice"), null).body());
		assertThat(me.get("name").asString()).isEqualTo("alice");
		assertThat(me.get("mechanism").asString()).isEqualTo("jwt");
		assertThat(me.get("authorities").toString()).contains("ROLE_admin", "SCOPE_orders.read", "SCOPE_orders.write");
		assertThat(me.get("attributes").get("token_use").asString()).isEqualTo("access");
	}

	@Test
	void onlyAdminsReachTheAdminEndpoint() throws Exception {
		assertThat(call("GET", "/api/admin", userToken("alice"), null).statusCode()).isEqualTo(200);
		HttpResponse<String> bob = call("GET", "/api/admin", userToken("bob"), null);
		assertThat(bob.statusCode()).isEqualTo(403);
		assertThat(bob.body()).contains("\"status\":403");
	}

	@Test
	void callersOrderForThemselvesAndSeeTheirOwnOrders() throws Exception {
		String bob = userToken("bob");
		assertThat(call("POST", "/api/orders", bob, "{\"item\":\"book\",\"quantity\":1,\"owner\":\"bob\"}")
			.statusCode()).isEqualTo(201);
		HttpResponse<String> notOwner = call("POST", "/api/orders", bob,
				"{\"item\":\"pen\",\"quantity\":2,\"owner\":\"alice\"}");
		assertThat(notOwner.statusCode()).isEqualTo(403);
		assertThat(notOwner.body()).contains("not the owner");
		assertThat(notOwner.headers().allValues("WWW-Authenticate")).as("no scope would help").isEmpty();
		String alice = userToken("alice");
		assertThat(call("POST", "/api/orders", alice, "{\"item\":\"lamp\",\"quantity\":1,\"owner\":\"alice\"}")
			.statusCode()).isEqualTo(201);
		JsonNode bobs = json.readTree(call("GET", "/api/orders", bob, null).body());
		assertThat(bobs.findValuesAsString("owner")).isNotEmpty().containsOnly("bob");
		JsonNode all = json.readTree(call("GET", "/api/orders", alice, null).body());
		assertThat(all.findValuesAsString("owner")).contains("bob", "alice");
	}

	@Test
	void machineClientIsNamedByItsClientIdWithItsScopes() throws Exception {
		JsonNode me = json.readTree(call("GET", "/api/me", machineToken(), null).body());
		assertThat(me.get("name").asString()).isEqualTo("orders-machine");
		assertThat(me.get("authorities").toString()).contains("SCOPE_orders.read", "SCOPE_orders.write")
			.doesNotContain("ROLE_");
	}

	@Test
	void machineWithAnIssuedKeyCallsTheApiWithSigV4() throws Exception {
		var partner = new io.github.awsauth.sample.machine.MachineClient(app).withIssuedKey();
		JsonNode me = json.readTree(partner.get().uri("/api/me").retrieve().body(String.class));
		assertThat(me.get("name").asString()).isEqualTo("sample-partner");
		assertThat(me.get("mechanism").asString()).isEqualTo("sigv4");
		JsonNode order = json.readTree(partner.post()
			.uri("/api/orders")
			.header("Content-Type", "application/json")
			.body("{\"item\":\"crate\",\"quantity\":3,\"owner\":\"sample-partner\"}")
			.retrieve()
			.body(String.class));
		assertThat(order.get("owner").asString()).isEqualTo("sample-partner");
	}

	@Test
	void scriptWithTheDemoApiKeyReadsOrdersButCannotOrder() throws Exception {
		HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(app + "/api/me"))
			.header("X-Api-Key", "sample-report-key")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.readTree(me.body()).get("mechanism").asString()).isEqualTo("api-key");
		assertThat(json.readTree(me.body()).get("name").asString()).isEqualTo("sample-report");
		HttpResponse<String> order = http.send(HttpRequest.newBuilder(URI.create(app + "/api/orders"))
			.header("X-Api-Key", "sample-report-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"crate\",\"quantity\":1,\"owner\":\"sample-report\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(order.statusCode()).isEqualTo(403);
	}

	@Test
	void withoutATokenOnlyHealthAnswers() throws Exception {
		assertThat(call("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
	}

	private static String userToken(String user) throws Exception {
		return token("demo-cli:demo-secret", Map.of("grant_type", "password", "username", user, "password",
				user + "-password", "scope", "orders.read orders.write"));
	}

	private static String machineToken() throws Exception {
		return token("orders-machine:orders-machine-secret",
				Map.of("grant_type", "client_credentials", "scope", "orders.read orders.write"));
	}

	private static String token(String client, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(idp + "/oauth2/token"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}

	private static HttpResponse<String> call(String method, String path, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + path));
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

}
