package io.github.awsauth.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.github.awsauth.alb.AlbTokens;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One credential per request: each of a Cognito user's bearer token, an ALB-signed header and a
 * SigV4 signature authenticates alone, and a request that carries two of them, or one credential
 * header twice, is refused with 400 whichever would have won.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1",
				"aws.auth.alb.signer-arns=" + AlbTokens.SIGNER, "aws.auth.sigv4.enabled=true",
				"aws.auth.sigv4.service=execute-api", "aws.auth.sigv4.region=eu-west-1",
				"aws.auth.sigv4.keys[0].access-key-id=AKIDPARTNER", "aws.auth.sigv4.keys[0].secret-access-key=secret",
				"aws.auth.sigv4.keys[0].principal=partner" })
class OneCredentialIntegrationTests {

	static final WireMockServer keys = new WireMockServer(options().dynamicPort());

	static final ECKey albKey = generate();

	static final String kid = UUID.randomUUID().toString();

	static final TestTokens tokens;

	static {
		keys.start();
		tokens = new TestTokens("http://localhost:" + keys.port() + "/pool");
		keys.stubFor(get("/pool/.well-known/jwks.json").willReturn(okJson(tokens.jwks())));
		keys.stubFor(get("/alb/" + kid).willReturn(ok(AlbTokens.pem(albKey))));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> "http://localhost:" + keys.port() + "/pool");
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
		registry.add("aws.auth.alb.public-key-uri", () -> "http://localhost:" + keys.port() + "/alb/{kid}");
	}

	@AfterAll
	static void stop() {
		keys.stop();
	}

	@Test
	void eachCredentialAloneAuthenticates() throws Exception {
		assertThat(send(request().header("Authorization", "Bearer " + jwt())).body()).contains("\"mechanism\":\"jwt\"");
		assertThat(send(request().header("x-amzn-oidc-data", alb())).body()).contains("\"mechanism\":\"alb\"");
		assertThat(send(sigV4()).body()).contains("\"mechanism\":\"sigv4\"");
	}

	@Test
	void aQueryIsNotAPresignedSigV4Credential() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/api/me?x-amz-date=1&page=2")).header("Authorization", "Bearer " + jwt()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"mechanism\":\"jwt\"");
	}

	@Test
	void jwtAndAlbHeaderOfAnotherUserAreRefused() throws Exception {
		HttpResponse<String> response = send(request().header("Authorization", "Bearer " + jwt())
			.header("x-amzn-oidc-data", alb()));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("more than one mechanism (alb, jwt)", "\"status\":400");
	}

	@Test
	void sigV4AndAlbHeaderAreRefused() throws Exception {
		HttpRequest signed = sigV4();
		HttpRequest.Builder both = HttpRequest.newBuilder(signed.uri()).header("x-amzn-oidc-data", alb());
		signed.headers().map().forEach((name, values) -> values.forEach((value) -> both.header(name, value)));
		HttpResponse<String> response = send(both);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("more than one mechanism (alb, sigv4)");
	}

	@Test
	void twoAlbHeadersAreRefused() throws Exception {
		HttpResponse<String> response = send(request().header("x-amzn-oidc-data", alb())
			.header("x-amzn-oidc-data", "garbage"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("x-amzn-oidc-data header more than once");
	}

	@Test
	void twoAuthorizationHeadersAreRefusedEvenWhenTheFirstIsValid() throws Exception {
		HttpResponse<String> response = send(request().header("Authorization", "Bearer " + jwt())
			.header("Authorization", "Basic Ym9iOnB3"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Authorization header more than once");
	}

	private HttpRequest sigV4() {
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create("AKIDPARTNER", "secret"))
				.request(SdkHttpRequest.builder()
					.method(SdkHttpMethod.GET)
					.uri(URI.create("http://localhost:" + this.port + "/api/me"))
					.build())
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
				.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC()))
			.request();
		HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri());
		signed.forEachHeader((name, values) -> {
			if (!name.equalsIgnoreCase("host")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		return request.build();
	}

	private static String jwt() {
		return tokens.sign((claims) -> claims.claim("username", "alice"));
	}

	private static String alb() {
		return AlbTokens.token(kid, albKey, (header) -> {
		}, (claims) -> claims.put("sub", "bob"), false);
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"));
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return Http.send(request);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return send(request.build());
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
