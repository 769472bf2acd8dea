package io.github.awsauth.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class IamTokenGeneratorTests {

	private static final StaticCredentialsProvider credentials = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

	private static final URI STS = URI.create("https://sts.eu-west-1.amazonaws.com");

	private final Instant now = Instant.parse("2026-11-24T12:00:00Z");

	@Test
	void eksTokenIsAPresignedGetCallerIdentityUrlBoundToTheServerId() throws Exception {
		String header = generator(IamTokenForm.EKS, Clock.fixed(this.now, ZoneOffset.UTC)).authorization();
		assertThat(header).startsWith("Bearer k8s-aws-v1.");
		String url = new String(Base64.getUrlDecoder().decode(header.substring("Bearer k8s-aws-v1.".length())),
				StandardCharsets.UTF_8);
		var components = UriComponentsBuilder.fromUriString(url).build();
		assertThat(components.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
		assertThat(components.getQueryParams().toSingleValueMap()).containsEntry("Action", "GetCallerIdentity")
			.containsEntry("Version", "2011-06-15")
			.containsEntry("X-Amz-Expires", "900")
			.containsEntry("X-Amz-Date", "20261124T120000Z")
			.containsEntry("X-Amz-SignedHeaders", "host%3Bx-k8s-aws-id")
			.containsKey("X-Amz-Signature");
	}

	@Test
	void vaultTokenCarriesTheSignedPostRequest() throws Exception {
		String header = generator(IamTokenForm.VAULT, Clock.fixed(this.now, ZoneOffset.UTC)).authorization();
		assertThat(header).startsWith("AWS-IAM ");
		Map<String, Object> login = JSONObjectUtils
			.parse(new String(Base64.getUrlDecoder().decode(header.substring(8)), StandardCharsets.UTF_8));
		assertThat(login).containsEntry("iam_http_request_method", "POST");
		assertThat(decode(login.get("iam_request_url"))).isEqualTo("https://sts.eu-west-1.amazonaws.com/");
		assertThat(decode(login.get("iam_request_body"))).isEqualTo("Action=GetCallerIdentity&Version=2011-06-15");
		Map<String, Object> headers = JSONObjectUtils.parse(decode(login.get("iam_request_headers")));
		assertThat(headers).containsEntry("X-Vault-AWS-IAM-Server-ID", List.of("orders-api"));
		assertThat((List<?>) headers.get("Authorization")).singleElement()
			.asString()
			.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/eu-west-1/sts/aws4_request")
			.contains("x-vault-aws-iam-server-id");
	}

	@Test
	void tokenIsReusedUntilATThirdOfItsLifetimeIsLeft() {
		MutableClock clock = new MutableClock(this.now);
		IamTokenGenerator generator = generator(IamTokenForm.EKS, clock);
		String first = generator.authorization();
		clock.set(this.now.plus(Duration.ofMinutes(9)));
		assertThat(generator.authorization()).isEqualTo(first);
		clock.set(this.now.plus(Duration.ofMinutes(11)));
		assertThat(generator.authorization()).isNotEqualTo(first);
	}

	private IamTokenGenerator generator(IamTokenForm form, Clock clock) {
		return new IamTokenGenerator(credentials, STS, "eu-west-1", "orders-api", form, clock);
	}

	private static String decode(Object base64) {
		return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
	}

}
