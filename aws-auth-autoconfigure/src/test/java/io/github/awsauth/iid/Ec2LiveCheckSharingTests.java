package io.github.awsauth.iid;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.MapSharedCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The EC2 live check on several instances of a service: what EC2 told one serves the others for the
 * check's TTL, under the document's region, account and instance; a failure is not shared.
 */
class Ec2LiveCheckSharingTests {

	static final FakeEc2 fakeEc2 = new FakeEc2();

	static final WireMockServer ec2 = new WireMockServer(options().dynamicPort().extensions(fakeEc2));

	static {
		ec2.start();
		ec2.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeEc2.NAME)));
	}

	private final MapSharedCache shared = new MapSharedCache();

	@AfterAll
	static void stop() {
		ec2.stop();
	}

	@BeforeEach
	void instancesRun() {
		fakeEc2.failWith = 0;
		fakeEc2.received.set(0);
		fakeEc2.instances.put("i-0a30e04d85e6f8793", "692406183521 running");
		fakeEc2.instances.put("i-075f088c72ad3271c", "692406183521 stopped");
	}

	@Test
	void whatEc2ToldOneInstanceServesTheOthers() {
		Ec2InstanceLiveCheck first = liveCheck();
		Ec2InstanceLiveCheck second = liveCheck();

		assertThat(first.isRunning(document("i-0a30e04d85e6f8793"))).isTrue();
		assertThat(second.isRunning(document("i-0a30e04d85e6f8793"))).isTrue();
		assertThat(first.isRunning(document("i-075f088c72ad3271c"))).isFalse();
		assertThat(second.isRunning(document("i-075f088c72ad3271c"))).isFalse();

		assertThat(fakeEc2.received).as("each instance id asked once, by the first").hasValue(2);
		String endpoint = "iid:" + ec2.baseUrl() + "|us-west-2/692406183521/";
		assertThat(this.shared.values).containsOnly(Map.entry(endpoint + "i-0a30e04d85e6f8793", "running"),
				Map.entry(endpoint + "i-075f088c72ad3271c", "not-running"));
		assertThat(this.shared.timesToLive.values()).containsOnly(Duration.ofMinutes(2));
	}

	@Test
	void anAnswerTakenFromAnotherInstanceIsKeptNoLongerThanItsTimeLeft() {
		Ec2InstanceLiveCheck first = liveCheck();
		Ec2InstanceLiveCheck second = liveCheck();
		assertThat(first.isRunning(document("i-0a30e04d85e6f8793"))).isTrue();
		this.shared.timesToLive.replaceAll((key, ttl) -> Duration.ofMillis(1));
		assertThat(second.isRunning(document("i-0a30e04d85e6f8793"))).isTrue();
		this.shared.values.clear();
		org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(20)).until(() -> true);
		fakeEc2.instances.put("i-0a30e04d85e6f8793", "692406183521 stopped");
		assertThat(second.isRunning(document("i-0a30e04d85e6f8793")))
			.as("the shared answer had 1 ms left, and has left Redis: the second instance asks EC2 itself")
			.isFalse();
	}

	@Test
	void aFailureIsNotShared() {
		fakeEc2.failWith = 503;
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> liveCheck().isRunning(document("i-0a30e04d85e6f8793")));
		assertThat(this.shared.values).isEmpty();
	}

	private Ec2InstanceLiveCheck liveCheck() {
		Ec2InstanceLiveCheck liveCheck = new Ec2InstanceLiveCheck(
				StaticCredentialsProvider.create(AwsBasicCredentials.create(FakeEc2.ACCESS_KEY, FakeEc2.SECRET)),
				URI.create(ec2.baseUrl()), Duration.ofSeconds(2), Duration.ofMinutes(2), 100);
		liveCheck.setSharedCache(this.shared);
		return liveCheck;
	}

	private static VerifiedDocument document(String instanceId) {
		return new VerifiedDocument(instanceId, "692406183521", "us-west-2", null, SignatureForm.RSA2048, Map.of());
	}

}
