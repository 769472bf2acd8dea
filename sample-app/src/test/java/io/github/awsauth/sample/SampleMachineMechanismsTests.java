package io.github.awsauth.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the mechanisms its configuration describes but leaves off, turned on as its
 * comments say (IAM through STS, EC2 instance identity documents): it starts with its own
 * allowlists, and each mechanism answers for its credential.
 */
class SampleMachineMechanismsTests {

	private static SampleApplication.RunningSample sample;

	private static SampleCalls calls;

	@BeforeAll
	static void start() {
		sample = SampleApplication.start("--server.port=0", "--sample.local-idp.port=0", "--aws.auth.iam.enabled=true",
				"--aws.auth.iam.sts-endpoint=http://localhost:1", "--aws.auth.instance-identity.enabled=true");
		calls = new SampleCalls(sample);
	}

	@AfterAll
	static void stop() {
		sample.close();
	}

	@Test
	void iamTokenIsJudgedByTheIamMechanism() throws Exception {
		HttpResponse<String> response = calls.call("GET", "/api/orders", "k8s-aws-v1.not-a-presigned-url", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Invalid IAM token");
	}

	@Test
	void usersStillSignInBesideTheMachineMechanisms() throws Exception {
		assertThat(calls.call("GET", "/api/orders", calls.userToken("alice"), null).statusCode()).isEqualTo(200);
	}

}
