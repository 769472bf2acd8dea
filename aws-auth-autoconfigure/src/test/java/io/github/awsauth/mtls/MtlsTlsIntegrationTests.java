package io.github.awsauth.mtls;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.awsauth.testapp.TestApplication;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutual TLS on a real HTTPS port: the container verifies the client certificate against its trust
 * store ({@code server.ssl.client-auth=want}), the mechanism names the caller and asks the allowlist.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.mtls.enabled=true", "aws.auth.mtls.source=tls", "server.ssl.client-auth=want" })
class MtlsTlsIntegrationTests {

	static final TestCertificates.Issued ca = TestCertificates.ca("CN=Partners CA,O=Example");

	static final TestCertificates.Issued server = TestCertificates.leaf(ca, "CN=localhost",
			Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)),
			KeyPurposeId.id_kp_serverAuth, "localhost");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) throws IOException {
		Path certificate = temp("server", server.pem());
		Path key = temp("server-key", pkcs8(server));
		Path clientCas = temp("client-cas", ca.pem());
		registry.add("server.ssl.certificate", () -> certificate.toUri().toString());
		registry.add("server.ssl.certificate-private-key", () -> key.toUri().toString());
		registry.add("server.ssl.trust-certificate", () -> clientCas.toUri().toString());
		registry.add("aws.auth.mtls.subjects[CN=billing-*,O=Example]", () -> "ROLE_billing");
	}

	@Test
	void clientCertificateTheContainerVerifiedNamesTheCaller() throws Exception {
		HttpResponse<String> response = get(TestCertificates.leaf(ca, "CN=billing-1,O=Example"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"billing-1\"", "\"mechanism\":\"mtls\"", "ROLE_billing",
				"\"source\":\"tls\"");
	}

	@Test
	void certificateOutsideTheAllowlistIs401() throws Exception {
		HttpResponse<String> response = get(TestCertificates.leaf(ca, "CN=reporting-1,O=Example"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("not allowed");
	}

	@Test
	void withoutACertificateTheCallerIsChallenged() throws Exception {
		HttpResponse<String> response = get(null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("MutualTLS");
	}

	@Test
	void certificatesTheContainerDoesNotTrustNeverAuthenticate() throws Exception {
		Instant now = Instant.now();
		TestCertificates.Issued rogue = TestCertificates.leaf(TestCertificates.ca("CN=Partners CA,O=Example"),
				"CN=billing-2,O=Example");
		TestCertificates.Issued expired = TestCertificates.leaf(ca, "CN=billing-3,O=Example",
				now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)), KeyPurposeId.id_kp_clientAuth, null);
		TestCertificates.Issued selfSigned = TestCertificates.selfSigned("CN=billing-4,O=Example");
		for (TestCertificates.Issued refused : new TestCertificates.Issued[] { rogue, expired, selfSigned }) {
			// the container ends the handshake, or the client does not offer a certificate the server
			// does not ask for (want mode lists the trusted CAs): either way, no one is authenticated
			Integer status;
			try {
				status = get(refused).statusCode();
			}
			catch (IOException handshakeEnded) {
				status = null;
			}
			assertThat(status).as(refused.certificate().getSubjectX500Principal().getName()).isIn(null, 401);
		}
	}

	private HttpResponse<String> get(TestCertificates.Issued client) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", ca.certificate());
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trust);
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		KeyStore keys = KeyStore.getInstance("PKCS12");
		keys.load(null, null);
		if (client != null) {
			keys.setKeyEntry("client", client.keys().getPrivate(), "secret".toCharArray(),
					new Certificate[] { client.certificate() });
		}
		keyManagers.init(keys, "secret".toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
		return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/api/me")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String pkcs8(TestCertificates.Issued issued) throws IOException {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(new JcaPKCS8Generator(issued.keys().getPrivate(), null));
		}
		return out.toString();
	}

	private static Path temp(String name, String content) throws IOException {
		Path file = Files.createTempFile(name, ".pem");
		Files.writeString(file, content);
		file.toFile().deleteOnExit();
		return file;
	}

}
