package io.github.awsauth.iam;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.AfterAll;
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
 * STS's answer for a token is kept exactly as long as the signed request is valid: reused before
 * it expires, never after.
 */
class IamIdentityCacheTests {

	static final FakeSts fakeSts = new FakeSts(Map.of("AKIDWORKER", "worker-secret"),
			Map.of("AKIDWORKER", "arn:aws:sts::123456789012:assumed-role/worker/i-1"));

	static final WireMockServer sts = new WireMockServer(options().dynamicPort().extensions(fakeSts));

	static {
		sts.start();
		sts.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeSts.NAME)));
	}

	@AfterAll
	static void stop() {
		sts.stop();
	}

	@Test
	void identityIsReusedUntilTheSignedRequestExpiresAndNeverAfter() {
		URI endpoint = URI.create("http://localhost:" + sts.port());
		MutableClock clock = new MutableClock(Instant.now());
		IamAuthenticationMechanism mechanism = new IamAuthenticationMechanism(
				new IamTokenReader("orders-api", List.of(endpoint), clock), new StsCallerIdentityClient(Duration.ofSeconds(2)),
				ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/worker", List.of("ROLE_worker"))), 100, 4, clock);
		String token = new IamTokenGenerator(
				StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORKER", "worker-secret")), endpoint,
				"eu-west-1", "orders-api", IamTokenForm.EKS, clock)
			.authorization();

		assertThat(mechanism.authenticate(token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
		clock.advance(Duration.ofSeconds(890));
		assertThat(mechanism.authenticate(token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
		assertThat(fakeSts.received).as("the second request was answered from the cache").hasValue(1);

		clock.advance(Duration.ofSeconds(20));
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> mechanism.authenticate(token))
			.withMessageContaining("expired");
		assertThat(fakeSts.received).hasValue(1);
	}

}
