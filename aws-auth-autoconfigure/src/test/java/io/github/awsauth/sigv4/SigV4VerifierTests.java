package io.github.awsauth.sigv4;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsAuthenticationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigV4VerifierTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final SigV4Key key = new SigV4Key("AKID", "secret", "partner", List.of());

	@Test
	void unsignedPayloadIsAcceptedOnlyWhenAllowed() {
		SigV4Request request = signedWithUnsignedPayload("the body is not covered");
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> verifier(false).verify(request))
			.withMessageContaining("unsigned payloads are not accepted");
		assertThat(verifier(true).verify(request).key().principal()).isEqualTo("partner");
	}

	@Test
	void rotatedSecretIsNeverMetByAStaleDerivedKey() {
		SigV4Request request = signedWithUnsignedPayload("x");
		SigV4Key[] current = { this.key };
		SigV4Verifier verifier = new SigV4Verifier((id) -> current[0], "eu-west-1", "execute-api",
				Duration.ofMinutes(5), true, true, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(verifier.verify(request).key()).isEqualTo(this.key);
		current[0] = new SigV4Key("AKID", "rotated", "partner", List.of());
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> verifier.verify(request))
			.withMessageContaining("signature does not match");
	}

	private SigV4Verifier verifier(boolean allowUnsignedPayload) {
		return new SigV4Verifier((id) -> this.key, "eu-west-1", "execute-api", Duration.ofMinutes(5),
				allowUnsignedPayload, true, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static SigV4Request signedWithUnsignedPayload(String body) {
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create("AKID", "secret"))
				.request(SdkHttpRequest.builder()
					.method(SdkHttpMethod.PUT)
					.uri(URI.create("https://files.example.com/upload"))
					.build())
				.payload(ContentStreamProvider.fromUtf8String(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
				.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))
				.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false))
			.request();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		signed.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
		return new SigV4Request("PUT", "/upload", null, headers, body.getBytes());
	}

	@Test
	void repeatedQueryValuesAreSignedSortedByValue() {
		assertThat(SigV4Canonicalizer.canonicalQuery("a=2&b=1&a=1", false)).isEqualTo("a=1&a=2&b=1");
	}

	@Test
	void aMalformedEscapeIsKeptAsItIs() {
		assertThat(SigV4Canonicalizer.queryParameters("a=%4&b=%zz&c=%41"))
			.containsExactly(new SigV4Canonicalizer.QueryParameter("a", "%4"),
					new SigV4Canonicalizer.QueryParameter("b", "%zz"), new SigV4Canonicalizer.QueryParameter("c", "A"));
	}

}
