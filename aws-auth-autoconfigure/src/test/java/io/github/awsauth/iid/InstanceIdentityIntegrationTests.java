package io.github.awsauth.iid;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.client.InstanceIdentityInterceptor;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.InstanceIdentityHeader;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.imds.Ec2MetadataClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.awsauth.iid.IidFixtures.AP_SOUTHEAST_2;
import static io.github.awsauth.iid.IidFixtures.US_EAST_1;
import static io.github.awsauth.iid.IidFixtures.US_EAST_2;
import static io.github.awsauth.iid.IidFixtures.US_WEST_2;
import static io.github.awsauth.iid.IidFixtures.header;
import static io.github.awsauth.iid.IidFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2 instances over HTTP with genuine AWS-signed identity documents, the account allowlist and
 * the live check against a fake EC2 that checks the SDK's signature.
 */
@SpringBootTest(classes = { TestApplication.class, InstanceIdentityIntegrationTests.Credentials.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.awsauth=DEBUG", "aws.auth.instance-identity.enabled=true",
				"aws.auth.instance-identity.accounts[692406183521]=ROLE_ec2",
				"aws.auth.instance-identity.accounts[437526006925]=ROLE_ec2",
				"aws.auth.instance-identity.accounts[121659014334]=ROLE_ec2",
				"aws.auth.instance-identity.live-check=true", "aws.auth.instance-identity.live-check-cache-ttl=1ms",
				"server.max-http-request-header-size=4MB" })
@ExtendWith(OutputCaptureExtension.class)
class InstanceIdentityIntegrationTests {

	static final FakeEc2 fakeEc2 = new FakeEc2();

	static final WireMockServer ec2 = new WireMockServer(options().dynamicPort().extensions(fakeEc2));

	static {
		ec2.start();
		ec2.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeEc2.NAME)));
	}

	@LocalServerPort
	int port;

	@Autowired
	Caches caches;

	@DynamicPropertySource
	static void ec2Endpoint(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.instance-identity.ec2-endpoint", ec2::baseUrl);
	}

	@AfterAll
	static void stop() {
		ec2.stop();
	}

	@BeforeEach
	void instancesRun() {
		fakeEc2.failWith = 0;
		fakeEc2.instances.put("i-0a30e04d85e6f8793", "692406183521 running");
		fakeEc2.instances.put("i-075f088c72ad3271c", "437526006925 running");
		fakeEc2.instances.put("i-0c5541936caf78c12", "189292791360 running");
	}

	@Test
	void documentSentAgainIsAHitOfTheVerifiedDocumentCacheAndEc2IsAskedAgainAfterItsTtl() {
		String credential = header(US_EAST_2, SignatureForm.SIGNATURE);
		assertThat(Http.get(this.port, "/api/me", credential).statusCode()).isEqualTo(200);
		CacheStatistics documents = this.caches.statistics().get("instance-identity.verified");
		CacheStatistics instances = this.caches.statistics().get("instance-identity.instances");
		assertThat(Http.get(this.port, "/api/me", credential).statusCode()).isEqualTo(200);
		CacheStatistics documentsAfter = this.caches.statistics().get("instance-identity.verified");
		assertThat(documentsAfter.hits()).isEqualTo(documents.hits() + 1);
		assertThat(documentsAfter.misses()).isEqualTo(documents.misses());
		assertThat(this.caches.statistics().get("instance-identity.instances").misses())
			.as("EC2's answer is kept for 1 ms here").isGreaterThan(instances.misses());
	}

	@ParameterizedTest
	@CsvSource({ US_WEST_2 + ",RSA2048,i-0a30e04d85e6f8793,us-west-2", US_WEST_2 + ",SIGNATURE,i-0a30e04d85e6f8793,us-west-2",
			US_EAST_2 + ",RSA2048,i-075f088c72ad3271c,us-east-2", US_EAST_2 + ",SIGNATURE,i-075f088c72ad3271c,us-east-2" })
	void runningInstanceOfAnAllowedAccountIsNamedByItsId(String set, SignatureForm form, String instance,
			String region, CapturedOutput output) {
		String credential = header(set, form);
		HttpResponse<String> response = Http.get(this.port, "/api/me", credential);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"" + instance + "\"", "\"mechanism\":\"instance-identity\"",
				"ROLE_ec2", "\"region\":\"" + region + "\"", "\"signatureForm\":\"" + form.field() + "\"",
				"\"imageId\":");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		LogAssertions.assertNotLogged(output, credential.substring(InstanceIdentityHeader.SCHEME.length() + 1));
	}

	@Test
	void instanceCallsWithItsDocumentFromImdsV2() throws Exception {
		WireMockServer imds = new WireMockServer(options().dynamicPort());
		imds.start();
		try {
			imds.stubFor(put("/latest/api/token").withHeader("x-aws-ec2-metadata-token-ttl-seconds", matching("\\d+"))
				.willReturn(aResponse().withHeader("x-aws-ec2-metadata-token-ttl-seconds", "21600")
					.withBody("imds-session-token")));
			imds.stubFor(get("/latest/dynamic/instance-identity/document")
				.withHeader("x-aws-ec2-metadata-token", equalTo("imds-session-token"))
				.willReturn(aResponse().withBody(read(US_WEST_2, "document.json"))));
			imds.stubFor(get("/latest/dynamic/instance-identity/rsa2048")
				.withHeader("x-aws-ec2-metadata-token", equalTo("imds-session-token"))
				.willReturn(aResponse().withBody(read(US_WEST_2, "rsa2048.b64"))));
			InstanceIdentityInterceptor interceptor = new InstanceIdentityInterceptor(
					Ec2MetadataClient.builder().endpoint(URI.create(imds.baseUrl())).build(), Clock.systemUTC());
			RestClient client = RestClient.builder()
				.baseUrl("http://localhost:" + this.port)
				.requestInterceptor(interceptor)
				.build();
			for (int i = 0; i < 3; i++) {
				assertThat(client.get().uri("/api/me").retrieve().body(String.class))
					.contains("\"name\":\"i-0a30e04d85e6f8793\"", "\"mechanism\":\"instance-identity\"");
			}
			imds.verify(1, getRequestedFor(urlEqualTo("/latest/dynamic/instance-identity/document")));
		}
		finally {
			imds.stop();
		}
	}

	@Test
	void accountOutsideTheAllowlistIsRefused() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", header(AP_SOUTHEAST_2, SignatureForm.RSA2048));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("account 189292791360");
		assertThat(response.headers().allValues("WWW-Authenticate")).contains("AWS-IID");
	}

	@Test
	void sha1FormIsRefusedByDefault() {
		for (String set : new String[] { US_WEST_2, US_EAST_1 }) {
			HttpResponse<String> response = Http.get(this.port, "/api/me", header(set, SignatureForm.PKCS7));
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("SHA-1");
		}
	}

	@Test
	void stoppedOrUnknownInstanceIsRefused() {
		fakeEc2.instances.put("i-0a30e04d85e6f8793", "692406183521 stopped");
		assertThat(Http.get(this.port, "/api/me", header(US_WEST_2, SignatureForm.RSA2048)).body())
			.contains("not running");
		fakeEc2.instances.remove("i-0a30e04d85e6f8793");
		HttpResponse<String> unknown = Http.get(this.port, "/api/me", header(US_WEST_2, SignatureForm.RSA2048));
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.body()).contains("not running");
	}

	@Test
	void instanceOwnedByAnotherAccountThanTheDocumentSaysIsRefused() {
		fakeEc2.instances.put("i-0a30e04d85e6f8793", "999999999999 running");
		assertThat(Http.get(this.port, "/api/me", header(US_WEST_2, SignatureForm.RSA2048)).statusCode())
			.isEqualTo(401);
	}

	@Test
	void ec2FailingIsA503() {
		fakeEc2.failWith = 503;
		HttpResponse<String> response = Http.get(this.port, "/api/me", header(US_EAST_2, SignatureForm.SIGNATURE));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void hostileCredentialsAre401AndNever5xx() {
		String document = read(US_WEST_2, "document.json");
		String rsa2048 = read(US_WEST_2, "rsa2048.b64");
		String[] hostile = { "AWS-IID", "AWS-IID ", "AWS-IID !!!", "AWS-IID " + b64url("not json"),
				"AWS-IID " + b64url("[]"), "AWS-IID " + b64url("{\"document\":\"x\"}"),
				"AWS-IID " + b64url("{\"rsa2048\":\"" + "AAAA" + "\"}"),
				"AWS-IID " + b64url("{\"document\":1,\"rsa2048\":\"AAAA\"}"),
				InstanceIdentityHeader.encode(document, "rsa2048", "%%%not base64%%%"),
				InstanceIdentityHeader.encode(document, "rsa2048", read(US_EAST_2, "rsa2048.b64")),
				InstanceIdentityHeader.encode(document.replace("t2.nano", "t2.xlarge"), "rsa2048", rsa2048),
				InstanceIdentityHeader.encode(read(AP_SOUTHEAST_2, "negative-invalid-document.json"), "signature",
						read(AP_SOUTHEAST_2, "signature.b64")),
				InstanceIdentityHeader.encode(read(AP_SOUTHEAST_2, "document.json"), "signature",
						read(AP_SOUTHEAST_2, "negative-invalid-signature.b64")),
				"AWS-IID " + b64url("{\"document\":" + quote(document) + ",\"rsa2048\":" + quote(rsa2048)
						+ ",\"signature\":" + quote(read(US_WEST_2, "signature.b64")) + "}"),
				InstanceIdentityHeader.encode("{\"region\":\"us-west-2\",\"pad\":\"" + "x".repeat(1 << 20) + "\"}",
						"rsa2048", rsa2048) };
		for (String credential : hostile) {
			HttpResponse<String> response = Http.get(this.port, "/api/me", credential);
			assertThat(response.statusCode()).as(credential.substring(0, Math.min(80, credential.length())))
				.isEqualTo(401);
			assertThat(response.body()).doesNotContain("Exception");
		}
	}

	private static String b64url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String quote(String value) {
		return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(java.util.Map.of("v", value)).substring(4).replaceAll("}$", "");
	}

	@Configuration(proxyBeanMethods = false)
	static class Credentials {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(FakeEc2.ACCESS_KEY, FakeEc2.SECRET));
		}

	}

}
