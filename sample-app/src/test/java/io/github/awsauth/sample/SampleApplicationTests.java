package io.github.awsauth.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

	private static SampleCalls calls;

	@BeforeAll
	static void start(CapturedOutput output) {
		sample = SampleApplication.start("--server.port=0", "--sample.local-idp.port=0");
		startupLog = output.getAll();
		calls = new SampleCalls(sample);
		app = calls.app;
		idp = calls.idp;
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
		JsonNode me = json.readTree(calls.call("GET", "/api/me", calls.userToken("alice"), null).body());
		assertThat(me.get("name").asString()).isEqualTo("alice");
		assertThat(me.get("mechanism").asString()).isEqualTo("jwt");
		assertThat(me.get("authorities").toString()).contains("ROLE_admin", "SCOPE_orders.read", "SCOPE_orders.write");
		assertThat(me.get("attributes").get("token_use").asString()).isEqualTo("access");
	}

	@Test
	void onlyAdminsReachTheAdminEndpoint() throws Exception {
		assertThat(calls.call("GET", "/api/admin", calls.userToken("alice"), null).statusCode()).isEqualTo(200);
		HttpResponse<String> bob = calls.call("GET", "/api/admin", calls.userToken("bob"), null);
		assertThat(bob.statusCode()).isEqualTo(403);
		assertThat(bob.body()).contains("\"status\":403");
	}

	@Test
	void callersOrderForThemselvesAndSeeTheirOwnOrders() throws Exception {
		String bob = calls.userToken("bob");
		assertThat(calls.call("POST", "/api/orders", bob, "{\"item\":\"book\",\"quantity\":1,\"owner\":\"bob\"}")
			.statusCode()).isEqualTo(201);
		HttpResponse<String> notOwner = calls.call("POST", "/api/orders", bob,
				"{\"item\":\"pen\",\"quantity\":2,\"owner\":\"alice\"}");
		assertThat(notOwner.statusCode()).isEqualTo(403);
		assertThat(notOwner.body()).contains("not the owner");
		assertThat(notOwner.headers().allValues("WWW-Authenticate")).as("no scope would help").isEmpty();
		String alice = calls.userToken("alice");
		assertThat(calls.call("POST", "/api/orders", alice, "{\"item\":\"lamp\",\"quantity\":1,\"owner\":\"alice\"}")
			.statusCode()).isEqualTo(201);
		JsonNode bobs = json.readTree(calls.call("GET", "/api/orders", bob, null).body());
		assertThat(bobs.findValuesAsString("owner")).isNotEmpty().containsOnly("bob");
		JsonNode all = json.readTree(calls.call("GET", "/api/orders", alice, null).body());
		assertThat(all.findValuesAsString("owner")).contains("bob", "alice");
	}

	@Test
	void onlyAnAdminCancelsAnOrderWithoutThePoliciesProfile() throws Exception {
		String bob = calls.userToken("bob");
		JsonNode order = json.readTree(
				calls.call("POST", "/api/orders", bob, "{\"item\":\"mug\",\"quantity\":1,\"owner\":\"bob\"}").body());
		HttpResponse<String> refused = calls.call("DELETE", "/api/orders/" + order.get("id").asLong(), bob, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("The caller's policies do not allow this request");
		assertThat(calls.call("DELETE", "/api/orders/" + order.get("id").asLong(), calls.userToken("alice"), null)
			.statusCode()).isEqualTo(204);
	}

	@Test
	void machineClientIsNamedByItsClientIdWithItsScopes() throws Exception {
		JsonNode me = json.readTree(calls.call("GET", "/api/me", calls.machineToken(), null).body());
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
		assertThat(calls.call("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
		assertThat(calls.call("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
	}

}
