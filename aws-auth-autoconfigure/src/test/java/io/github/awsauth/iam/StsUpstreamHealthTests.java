package io.github.awsauth.iam;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.UpstreamHealth;
import io.github.awsauth.core.Upstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The STS client records each call for the health support: an answer, even a refusal of the
 * token, reached STS; an error, throttling or no answer did not, and the reason is kept.
 */
class StsUpstreamHealthTests {

	private final WireMockServer sts = new WireMockServer(options().dynamicPort());

	private final Upstreams upstreams = new Upstreams(java.time.Clock.systemUTC());

	private UpstreamHealth.Status status() {
		return this.upstreams.statuses().get(0);
	}

	private StsCallerIdentityClient client() {
		return new StsCallerIdentityClient(Duration.ofSeconds(2),
				this.upstreams.register("sts", "http://localhost:" + this.sts.port()));
	}

	private StsRequest request() {
		return request(this.sts.port());
	}

	private StsRequest request(int port) {
		return new StsRequest("POST", URI.create("http://localhost:" + port + "/"),
				Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
				"Action=GetCallerIdentity&Version=2011-06-15", Instant.now().plusSeconds(60));
	}

	@AfterEach
	void stop() {
		this.sts.stop();
	}

	@Test
	void neverCalledIsNeverReachedAndNoFailure() {
		this.sts.start();
		client();
		assertThat(status().lastAttempt()).isNull();
		assertThat(status().lastReached()).isNull();
		assertThat(status().lastFailure()).isNull();
	}

	@Test
	void aRefusedTokenStillReachedSts() {
		this.sts.start();
		this.sts.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "text/xml")
			.withBody("<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>")));
		StsCallerIdentityClient client = client();
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> client.callerIdentity(request()))
			.satisfies((ex) -> assertThat(ex.getStatus().value()).isEqualTo(401));
		assertThat(status().lastReached()).isNotNull();
		assertThat(status().lastFailure()).isNull();
	}

	@Test
	void anErrorAnswerIsAFailureWithItsReasonUntilStsAnswersAgain() {
		this.sts.start();
		this.sts.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		StsCallerIdentityClient client = client();
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> client.callerIdentity(request()));
		assertThat(status().lastFailure()).isEqualTo("STS answered 503");
		assertThat(status().lastReached()).isNull();
		this.sts.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody("<GetCallerIdentityResponse><GetCallerIdentityResult>"
					+ "<Arn>arn:aws:iam::123456789012:role/worker</Arn><UserId>AROAEXAMPLE</UserId>"
					+ "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")));
		assertThat(client.callerIdentity(request()).arn()).isEqualTo("arn:aws:iam::123456789012:role/worker");
		assertThat(status().lastFailure()).isNull();
		assertThat(status().lastReached()).isNotNull();
	}

	@Test
	void noAnswerIsAFailure() {
		this.sts.start();
		StsCallerIdentityClient client = client();
		int port = this.sts.port();
		this.sts.stop();
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> client.callerIdentity(request(port)));
		assertThat(status().lastFailure()).isEqualTo("STS could not be reached");
	}

}
