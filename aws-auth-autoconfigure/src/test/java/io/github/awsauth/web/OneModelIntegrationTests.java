package io.github.awsauth.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.client.SigV4SigningInterceptor;
import io.github.awsauth.iam.FakeSts;
import io.github.awsauth.apikey.ApiKeyIntegrationTests;
import io.github.awsauth.iid.IidFixtures;
import io.github.awsauth.iid.SignatureForm;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.mtls.TestCertificates;
import io.github.awsauth.testapp.TestApplication;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One service, one model: a Cognito user with a bearer token, a worker inside AWS with an IAM token
 * and a partner outside AWS with a key the service issued all call the same endpoints, become the
 * same kind of principal, and meet the same route rules and {@code @PreAuthorize}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
				"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.keys[0].access-key-id=AKIDPARTNER",
				"aws.auth.sigv4.keys[0].secret-access-key=partner-secret", "aws.auth.sigv4.keys[0].principal=partner",
				"aws.auth.sigv4.keys[0].authorities=SCOPE_orders.read", "aws.auth.iam.enabled=true",
				"aws.auth.iam.server-id=orders-api", "aws.auth.authorization.routes[0].pattern=/api/orders/**",
				"aws.auth.authorization.routes[0].any-of=SCOPE_orders.read,ROLE_worker,ROLE_ec2,ROLE_billing",
				"aws.auth.instance-identity.enabled=true",
				"aws.auth.instance-identity.accounts[692406183521]=ROLE_ec2", "aws.auth.mtls.enabled=true",
				"aws.auth.mtls.source=alb-verify", "aws.auth.mtls.trusted-proxies=127.0.0.1,::1",
				"aws.auth.api-keys.enabled=true" })
class OneModelIntegrationTests {

	static final WireMockServer aws = new WireMockServer(options().dynamicPort()
		.extensions(new FakeSts(Map.of("AKIDWORKER", "worker-secret"),
				Map.of("AKIDWORKER", "arn:aws:sts::123456789012:assumed-role/worker/i-0abc"))));

	static final String pool;

	static final String SCRIPT_KEY = "pk_live_nightly_report_8c1f0b7e2d4a";

	static final TestCertificates.Issued partnerCa = TestCertificates.ca("CN=Partners CA,O=Example");

	static final TestCertificates.Issued billing = TestCertificates.leaf(partnerCa, "CN=billing-1,O=Example");

	static final TestTokens tokens;

	static {
		aws.start();
		pool = "http://localhost:" + aws.port() + "/eu-west-1_Pool";
		tokens = new TestTokens(pool);
		aws.stubFor(get("/eu-west-1_Pool/.well-known/jwks.json").willReturn(okJson(tokens.jwks())));
		aws.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(FakeSts.NAME)));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> pool);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
		registry.add("aws.auth.iam.sts-endpoint", () -> "http://localhost:" + aws.port());
		registry.add("aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker]", () -> "ROLE_worker");
		registry.add("aws.auth.mtls.subjects[CN=billing-*,O=Example]", () -> "ROLE_billing");
		// a list binds from one property source: the whole key is here
		ApiKeyIntegrationTests.issue(registry, 0, "nightly-report", SCRIPT_KEY, "ROLE_report");
	}

	@AfterAll
	static void stop() {
		aws.stop();
	}

	@Autowired
	FilterChainProxy filterChains;

	@Test
	void oneFilterAuthenticatesEveryRequestCredentialMechanism() {
		List<Filter> filters = this.filterChains.getFilterChains().get(0).getFilters();
		assertThat(filters).filteredOn(MechanismAuthenticationFilter.class::isInstance)
			.as("each filter of the chain costs every request its observation events")
			.hasSize(1);
	}

	@Test
	void usersAndMachinesInsideAndOutsideAwsAreOneKindOfCaller() {
		RestClient user = client().defaultHeader("Authorization", "Bearer " + tokens.sign(tokens.accessClaims()))
			.build();
		RestClient worker = client().defaultHeader("Authorization",
				new IamTokenGenerator(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORKER",
						"worker-secret")), URI.create("http://localhost:" + aws.port()), "eu-west-1", "orders-api",
						IamTokenForm.EKS, Clock.systemUTC())
					.authorization())
			.build();
		RestClient partner = client()
			.requestInterceptor(new SigV4SigningInterceptor(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPARTNER", "partner-secret")),
					"execute-api", "eu-west-1"))
			.build();

		RestClient instance = client()
			.defaultHeader("Authorization", IidFixtures.header(IidFixtures.US_WEST_2, SignatureForm.RSA2048))
			.build();
		RestClient certificatePartner = client()
			.defaultHeader("X-Amzn-Mtls-Clientcert-Subject", "CN=billing-1,O=Example")
			.defaultHeader("X-Amzn-Mtls-Clientcert-Leaf", TestCertificates.albHeader(billing.certificate()))
			.build();
		RestClient script = client().defaultHeader("X-Api-Key", SCRIPT_KEY).build();

		assertThat(me(user)).contains("\"name\":\"alice\"", "\"mechanism\":\"jwt\"");
		assertThat(me(instance)).contains("\"name\":\"i-0a30e04d85e6f8793\"", "\"mechanism\":\"instance-identity\"");
		assertThat(me(certificatePartner)).contains("\"name\":\"billing-1\"", "\"mechanism\":\"mtls\"");
		assertThat(me(script)).contains("\"name\":\"nightly-report\"", "\"mechanism\":\"api-key\"");
		assertThat(status(instance, "/api/orders")).isEqualTo(HttpStatus.OK);
		assertThat(status(certificatePartner, "/api/orders")).isEqualTo(HttpStatus.OK);
		assertThat(status(script, "/api/orders")).as("the script's key grants no orders authority")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(instance, "/api/admin")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(me(worker)).contains("\"name\":\"arn:aws:iam::123456789012:role/worker\"", "\"mechanism\":\"iam\"");
		assertThat(me(partner)).contains("\"name\":\"partner\"", "\"mechanism\":\"sigv4\"");

		assertThat(status(user, "/api/orders")).isEqualTo(HttpStatus.OK);
		assertThat(status(worker, "/api/orders")).isEqualTo(HttpStatus.OK);
		assertThat(status(partner, "/api/orders")).isEqualTo(HttpStatus.OK);
		assertThat(status(user, "/api/admin")).isEqualTo(HttpStatus.OK);
		assertThat(status(worker, "/api/admin")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(partner, "/api/admin")).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private RestClient.Builder client() {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port);
	}

	private static String me(RestClient client) {
		return client.get().uri("/api/me").retrieve().body(String.class);
	}

	private static HttpStatusCode status(RestClient client, String path) {
		return client.get().uri(path).exchange((request, response) -> response.getStatusCode());
	}

}
