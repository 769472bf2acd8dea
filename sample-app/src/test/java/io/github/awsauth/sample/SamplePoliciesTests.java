package io.github.awsauth.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with its {@code policies} profile, from properties and policy files alone: every
 * request a route rule lets through must also be allowed by the caller's IAM-style policies, and
 * {@code @awsAuth.allowed} asks them too.
 */
class SamplePoliciesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static SampleApplication.RunningSample sample;

	private static SampleCalls calls;

	@BeforeAll
	static void start() {
		sample = SampleApplication.start("--server.port=0", "--sample.local-idp.port=0",
				"--spring.profiles.active=policies");
		calls = new SampleCalls(sample);
	}

	@AfterAll
	static void stop() {
		sample.close();
	}

	@Test
	void userReadsHerProfileThroughTheEscapedPolicyVariable() throws Exception {
		JsonNode me = json.readTree(calls.call("GET", "/api/me", calls.userToken("bob"), null).body());
		assertThat(me.get("name").asString()).isEqualTo("bob");
	}

	@Test
	void scriptWithOnlyTheReadPolicyReadsOrdersAndNothingElse() throws Exception {
		assertThat(calls.withApiKey("GET", "/api/orders", "sample-report-key").statusCode()).isEqualTo(200);
		HttpResponse<String> me = calls.withApiKey("GET", "/api/me", "sample-report-key");
		assertThat(me.statusCode()).isEqualTo(403);
		assertThat(me.body()).contains("The caller's policies do not allow this request", "\"decisionId\":");
	}

	@Test
	void policyLetsAWriterCancelWhatAnAdminAlsoMay() throws Exception {
		String bob = calls.userToken("bob");
		JsonNode order = json.readTree(
				calls.call("POST", "/api/orders", bob, "{\"item\":\"mug\",\"quantity\":1,\"owner\":\"bob\"}").body());
		assertThat(calls.call("DELETE", "/api/orders/" + order.get("id").asLong(), bob, null).statusCode())
			.isEqualTo(204);
	}

	@Test
	void machineClientWithoutAUsernameIsNotGrantedTheProfile() throws Exception {
		assertThat(calls.call("GET", "/api/me", calls.machineToken(), null).statusCode()).isEqualTo(403);
		assertThat(calls.call("GET", "/api/me", calls.userToken("alice"), null).statusCode()).as("admin").isEqualTo(200);
	}

}
