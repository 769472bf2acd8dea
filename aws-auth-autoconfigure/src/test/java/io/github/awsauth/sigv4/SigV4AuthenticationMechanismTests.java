package io.github.awsauth.sigv4;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.awsauth.core.AwsPrincipal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The principal of a verified SigV4 request: made once per key and signed header list, and made
 * anew when the key's principal or authorities change.
 */
class SigV4AuthenticationMechanismTests {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final SigV4Key[] current = { new SigV4Key("AKID", "secret", "partner-a", List.of("ROLE_partner")) };

	private final SigV4AuthenticationMechanism mechanism = new SigV4AuthenticationMechanism(
			new SigV4Verifier((id) -> this.current[0], "eu-west-1", "execute-api", Duration.ofMinutes(5), false, true,
					Clock.fixed(NOW, ZoneOffset.UTC)),
			1024);

	@Test
	void principalOfAKeyIsMadeOnceForWhatItsSignatureCovers() {
		AwsPrincipal first = authenticate(signed("/orders"));
		assertThat(first.getName()).isEqualTo("partner-a");
		assertThat(first.authorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_partner");
		assertThat(first.attributes()).containsEntry("accessKeyId", "AKID")
			.containsEntry("signedHeaders", List.of("host", "x-amz-content-sha256", "x-amz-date"))
			.containsEntry("presigned", false);
		assertThat(authenticate(signed("/orders/7"))).as("another request the same key signed the same way")
			.isSameAs(first);
		MockHttpServletRequest moreSigned = signed("/orders", "x-tenant", "a");
		assertThat(authenticate(moreSigned).attributes()).containsEntry("signedHeaders",
				List.of("host", "x-amz-content-sha256", "x-amz-date", "x-tenant"));
	}

	@Test
	void keyWhoseAuthoritiesChangeNamesANewPrincipal() {
		AwsPrincipal before = authenticate(signed("/orders"));
		this.current[0] = new SigV4Key("AKID", "secret", "partner-a", List.of("ROLE_partner", "ROLE_admin"));
		AwsPrincipal after = authenticate(signed("/orders"));
		assertThat(after).isNotSameAs(before);
		assertThat(after.authorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_partner", "ROLE_admin");
	}

	private AwsPrincipal authenticate(MockHttpServletRequest request) {
		return (AwsPrincipal) this.mechanism.provider()
			.authenticate(this.mechanism.converter().convert(request))
			.getPrincipal();
	}

	/** A GET signed by the SDK, as the body filter leaves it: its empty body captured. */
	private static MockHttpServletRequest signed(String path, String... header) {
		SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
			.method(SdkHttpMethod.GET)
			.uri(URI.create("https://api.example.com" + path));
		for (int i = 0; i < header.length; i += 2) {
			unsigned.putHeader(header[i], header[i + 1]);
		}
		SdkHttpRequest request = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create("AKID", "secret"))
				.request(unsigned.build())
				.payload(ContentStreamProvider.fromUtf8String(""))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
				.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)))
			.request();
		MockHttpServletRequest servlet = new MockHttpServletRequest("GET", path);
		request.forEachHeader((name, values) -> values.forEach((value) -> servlet.addHeader(name, value)));
		servlet.setAttribute(CachedBodyFilter.BODY, new byte[0]);
		return servlet;
	}

}
