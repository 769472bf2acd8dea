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
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.testapp.MutableClock;
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

	final URI endpoint = URI.create("http://localhost:" + sts.port());

	final MutableClock clock = new MutableClock(Instant.now());

	final String token = new IamTokenGenerator(
			StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORKER", "worker-secret")), this.endpoint,
			"eu-west-1", "orders-api", IamTokenForm.EKS, this.clock)
		.authorization();

	@BeforeEach
	void reset() {
		fakeSts.received.set(0);
	}

	@Test
	void identityIsReusedUntilTheSignedRequestExpiresAndNeverAfter() {
		IamAuthenticationMechanism mechanism = mechanism("arn:aws:iam::123456789012:role/worker");
		String token = this.token;
		MutableClock clock = this.clock;

		AwsAuthenticationToken first = mechanism.authenticate(token);
		assertThat(first.getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
		assertThat(first.getAuthorities()).extracting("authority").containsExactly("ROLE_worker");
		clock.advance(Duration.ofSeconds(890));
		assertThat(mechanism.authenticate(token).getPrincipal()).as("the principal made of the cached answer")
			.isSameAs(first.getPrincipal());
		assertThat(fakeSts.received).as("the second request was answered from the cache").hasValue(1);

		clock.advance(Duration.ofSeconds(20));
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> mechanism.authenticate(token))
			.withMessageContaining("expired");
		assertThat(fakeSts.received).hasValue(1);
	}

	@Test
	void identityOutsideTheAllowlistIsRefusedEveryTimeWithoutAskingStsAgain() {
		IamAuthenticationMechanism mechanism = mechanism("arn:aws:iam::123456789012:role/other");
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(AwsAuthenticationException.class)
				.isThrownBy(() -> mechanism.authenticate(this.token))
				.withMessage("IAM identity arn:aws:iam::123456789012:role/worker is not allowed");
		}
		assertThat(fakeSts.received).hasValue(1);
	}

	private IamAuthenticationMechanism mechanism(String allowed) {
		return new IamAuthenticationMechanism(new IamTokenReader("orders-api", List.of(this.endpoint), this.clock),
				new StsCallerIdentityClient(Duration.ofSeconds(2)),
				ArnPatterns.allowlist(Map.of(allowed, List.of("ROLE_worker"))), 100, 4, this.clock);
	}

}
