package io.github.awsauth.mtls;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestIdp;
import io.github.awsauth.testapp.TestApplication;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ALB in passthrough mode: the chain in the header, validated here against the trust store; and
 * certificate-bound JWTs (RFC 8705) beside it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.mtls.enabled=true", "aws.auth.mtls.source=alb-passthrough",
				"aws.auth.mtls.trusted-proxies=127.0.0.1,::1" })
class MtlsHeadersIntegrationTests {

	static final String HEADER = "X-Amzn-Mtls-Clientcert";

	static final TestCertificates.Issued ca = TestCertificates.ca("CN=Partners CA,O=Example");

	static final TestCertificates.Issued rogueCa = TestCertificates.ca("CN=Partners CA,O=Example");

	static final TestCertificates.Issued billing = TestCertificates.leaf(ca, "CN=billing-1,O=Example");

	static final TestIdp idp = TestIdp.start();

	static final TestTokens tokens = idp.tokens;

	@LocalServerPort
	int port;

	@Autowired
	Caches caches;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path trustStore = Files.createTempFile("partners-ca", ".pem");
		Files.writeString(trustStore, ca.pem());
		trustStore.toFile().deleteOnExit();
		registry.add("aws.auth.mtls.trust-store", () -> trustStore.toUri().toString());
		registry.add("aws.auth.mtls.subjects[CN=billing-*,O=Example]", () -> "ROLE_billing");
		idp.trust(registry);
	}

	@AfterAll
	static void stop() {
		idp.stop();
	}

	@Test
	void validChainNamesTheCallerByItsCommonName() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", HEADER,
				TestCertificates.albHeader(billing.certificate(), ca.certificate()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"billing-1\"", "\"mechanism\":\"mtls\"", "ROLE_billing",
				"\"subject\":\"CN=billing-1,O=Example\"", "\"source\":\"alb-passthrough\"",
				"\"x5t#S256\":\"" + ClientCertificates.sha256Thumbprint(billing.certificate()) + "\"");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void chainSentAgainIsAHitOfTheVerifiedChainCache() {
		TestCertificates.Issued sentTwice = TestCertificates.leaf(ca, "CN=billing-twice,O=Example");
		String chain = TestCertificates.albHeader(sentTwice.certificate(), ca.certificate());
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER, chain).statusCode()).isEqualTo(200);
		CacheStatistics before = this.caches.statistics().get("mtls.verified");
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER, chain).statusCode()).isEqualTo(200);
		CacheStatistics after = this.caches.statistics().get("mtls.verified");
		assertThat(after.hits()).isEqualTo(before.hits() + 1);
		assertThat(after.misses()).isEqualTo(before.misses());
	}

	@Test
	void leafAloneIsEnoughWhenItsCaIsTrusted() {
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER, TestCertificates.albHeader(billing.certificate()))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void certificatesThatAreNotValidAreRefusedSayingWhy() {
		Instant now = Instant.now();
		Map<String, TestCertificates.Issued> refused = Map.of("has expired",
				TestCertificates.leaf(ca, "CN=billing-2,O=Example", now.minus(Duration.ofDays(10)),
						now.minus(Duration.ofDays(1)), KeyPurposeId.id_kp_clientAuth, null),
				"not yet valid",
				TestCertificates.leaf(ca, "CN=billing-3,O=Example", now.plus(Duration.ofDays(1)),
						now.plus(Duration.ofDays(10)), KeyPurposeId.id_kp_clientAuth, null),
				"not issued by a trusted authority", TestCertificates.leaf(rogueCa, "CN=billing-4,O=Example"),
				"not issued by a trusted authority ", TestCertificates.selfSigned("CN=billing-5,O=Example"),
				"not for client authentication",
				TestCertificates.leaf(ca, "CN=billing-6,O=Example", now.minus(Duration.ofHours(1)),
						now.plus(Duration.ofDays(1)), KeyPurposeId.id_kp_serverAuth, null));
		refused.forEach((reason, certificate) -> {
			HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", HEADER,
					TestCertificates.albHeader(certificate.certificate()));
			assertThat(response.statusCode()).as(reason).isEqualTo(401);
			assertThat(response.body()).as(reason).contains(reason.strip());
		});
	}

	@Test
	void rogueCaSentAlongDoesNotMakeItsLeafTrusted() {
		TestCertificates.Issued rogue = TestCertificates.leaf(rogueCa, "CN=billing-7,O=Example");
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER,
				TestCertificates.albHeader(rogue.certificate(), rogueCa.certificate()))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void subjectOutsideTheAllowlistIsRefused() {
		TestCertificates.Issued other = TestCertificates.leaf(ca, "CN=reporting-1,O=Example");
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", HEADER,
				TestCertificates.albHeader(other.certificate()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("not allowed: CN=reporting-1,O=Example");
		TestCertificates.Issued wildcardAcrossAttributes = TestCertificates.leaf(ca, "CN=billing-1,OU=x,O=Example");
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER,
				TestCertificates.albHeader(wildcardAcrossAttributes.certificate())).statusCode()).isEqualTo(401);
	}

	@Test
	void garbageHeadersAre401AndNever5xx() {
		// a chain with a '+' that must not become a space (the base64 of a random key may have none)
		String pem = TestCertificates.albHeader(billing.certificate());
		for (int i = 0; i < 50 && !pem.contains("+"); i++) {
			pem = TestCertificates.albHeader(TestCertificates.leaf(ca, "CN=billing-1,O=Example").certificate());
		}
		assertThat(pem).contains("+");
		for (String garbage : new String[] { "", "not a certificate", "%", "%ZZ", pem.replace("+", "%20"),
				pem.substring(0, pem.length() / 2), "-----BEGIN%20CERTIFICATE-----%0AAAAA%0A-----END%20CERTIFICATE-----",
				"x".repeat(40_000) }) {
			HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", HEADER, garbage);
			assertThat(response.statusCode()).as(garbage.substring(0, Math.min(30, garbage.length())))
				.isIn(400, 401);
		}
	}

	@Test
	void headerThatIsNotAChainIsRefusedAsSuchAndNotTakenForNoCertificate() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", HEADER, "not a certificate");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Invalid client certificate: the client certificate header is not a URL-encoded PEM chain");
	}

	@Test
	void headerTwiceIsABadRequest() {
		String header = TestCertificates.albHeader(billing.certificate());
		assertThat(Http.getWithHeaders(this.port, "/api/me", HEADER, header, HEADER, header).statusCode())
			.isEqualTo(400);
	}

	@Test
	void tokenBesideTheCertificateNamesTheCallerAndTheCertificateIsAnAttribute() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "Authorization",
				"Bearer " + tokens.sign(tokens.accessClaims()), HEADER, TestCertificates.albHeader(billing.certificate()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"jwt\"", "clientCertificate",
				ClientCertificates.sha256Thumbprint(billing.certificate()));
	}

	@Test
	void certificateBoundTokenMustComeWithItsCertificate() {
		String bound = tokens.sign(tokens.accessClaims()
			.claim("cnf", Map.of("x5t#S256", ClientCertificates.sha256Thumbprint(billing.certificate()))));
		TestCertificates.Issued other = TestCertificates.leaf(ca, "CN=billing-8,O=Example");
		assertThat(Http.getWithHeaders(this.port, "/api/me", "Authorization", "Bearer " + bound, HEADER,
				TestCertificates.albHeader(billing.certificate())).statusCode()).isEqualTo(200);
		HttpResponse<String> otherCertificate = Http.getWithHeaders(this.port, "/api/me", "Authorization",
				"Bearer " + bound, HEADER, TestCertificates.albHeader(other.certificate()));
		assertThat(otherCertificate.statusCode()).isEqualTo(401);
		assertThat(otherCertificate.body()).contains("bound to another client certificate");
		HttpResponse<String> none = Http.getWithHeaders(this.port, "/api/me", "Authorization", "Bearer " + bound);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.body()).contains("the request has none");
	}

}
