package io.github.awsauth.mtls;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.RequestCredentials;
import io.github.awsauth.testapp.MutableClock;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which certificate a request presents: the ALB's headers only from a trusted immediate peer, the
 * verify headers as the ALB sends them, and the container's certificate for source tls.
 */
class ClientCertificateFilterTests {

	static final TestCertificates.Issued ca = TestCertificates.ca("CN=Partners CA,O=Example");

	static final TestCertificates.Issued billing = TestCertificates.leaf(ca, "CN=billing-1,O=Example");

	@Test
	void albHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
		MockHttpServletRequest request = verifyRequest("10.9.9.9");
		request.addHeader("X-Forwarded-For", "10.0.0.5");
		filter(mechanism, request);
		assertThat(mechanism.carriesCredential(request)).isFalse();
		assertThat(ClientCertificates.leaf(request)).isNull();
	}

	@Test
	void peerIsTheSocketsEvenBehindARequestWrapper() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
		MockHttpServletRequest socket = verifyRequest("10.9.9.9");
		HttpServletRequestWrapper forwarded = new HttpServletRequestWrapper(socket) {

			@Override
			public String getRemoteAddr() {
				return "10.0.0.5";
			}

		};
		mechanism.preparingFilter().doFilter(forwarded, new MockHttpServletResponse(), new MockFilterChain());
		assertThat(mechanism.carriesCredential(socket)).isFalse();
	}

	@Test
	void verifyHeadersFromTheAlbNameTheCaller() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
		MockHttpServletRequest request = verifyRequest("10.0.0.5");
		filter(mechanism, request);
		AwsPrincipal principal = authenticate(mechanism, request);
		assertThat(principal.getName()).isEqualTo("billing-1");
		assertThat(principal.attribute("serialNumber")).isEqualTo("1f");
		assertThat(principal.attribute("x5t#S256")).isEqualTo(ClientCertificates.sha256Thumbprint(billing.certificate()));
		assertThat(ClientCertificates.leaf(request)).isEqualTo(billing.certificate());
	}

	@Test
	void verifyHeadersWhoseLeafIsAnotherCertificateAreRefused() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
		MockHttpServletRequest request = verifyRequest("10.0.0.5");
		request.removeHeader("X-Amzn-Mtls-Clientcert-Subject");
		request.addHeader("X-Amzn-Mtls-Clientcert-Subject", "CN=billing-2,O=Example");
		filter(mechanism, request);
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> authenticate(mechanism, request))
			.withMessageContaining("do not agree");
	}

	@Test
	void multiValuedOrEscapedSubjectsNeverMatchAPattern() throws Exception {
		for (String subject : new String[] { "CN=billing-x+CN=administrator,O=Example", "CN=billing-a+OU=x,O=Example",
				"CN=billing-a\\,O=Example", "CN=billing-a,OU=x,O=Example", "cn=billing-a,o=Example,DC=x" }) {
			MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
			MockHttpServletRequest request = verifyRequest("10.0.0.5");
			request.removeHeader("X-Amzn-Mtls-Clientcert-Leaf");
			request.removeHeader("X-Amzn-Mtls-Clientcert-Subject");
			request.addHeader("X-Amzn-Mtls-Clientcert-Subject", subject);
			filter(mechanism, request);
			assertThatExceptionOfType(AwsAuthenticationException.class).as(subject)
				.isThrownBy(() -> authenticate(mechanism, request))
				.withMessageContaining("not allowed");
		}
	}

	@Test
	void attributeTypesAreComparedInAnyCase() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.ALB_VERIFY);
		MockHttpServletRequest request = verifyRequest("10.0.0.5");
		request.removeHeader("X-Amzn-Mtls-Clientcert-Leaf");
		request.removeHeader("X-Amzn-Mtls-Clientcert-Subject");
		request.addHeader("X-Amzn-Mtls-Clientcert-Subject", "cn=billing-7,o=Example");
		filter(mechanism, request);
		assertThat(authenticate(mechanism, request).getName()).isEqualTo("billing-7");
	}

	@Test
	void containersCertificateIsUsedForSourceTls() throws Exception {
		MtlsAuthenticationMechanism mechanism = mechanism(MtlsSource.TLS);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.setAttribute(ClientCertificates.ATTRIBUTE, new X509Certificate[] { billing.certificate() });
		request.addHeader("X-Amzn-Mtls-Clientcert-Subject", "CN=billing-9,O=Example");
		filter(mechanism, request);
		assertThat(authenticate(mechanism, request).getName()).isEqualTo("billing-1");
	}

	@Test
	void subjectAlternativeNameCanNameTheCaller() throws Exception {
		MtlsProperties properties = properties(MtlsSource.TLS);
		properties.setPrincipal(MtlsProperties.PrincipalName.DNS);
		MtlsAuthenticationMechanism mechanism = new MtlsAuthenticationMechanism(properties, null);
		TestCertificates.Issued named = TestCertificates.leaf(ca, "CN=billing-3,O=Example",
				Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
				KeyPurposeId.id_kp_clientAuth, "billing.partner.example.com");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.setAttribute(ClientCertificates.ATTRIBUTE, new X509Certificate[] { named.certificate() });
		filter(mechanism, request);
		assertThat(authenticate(mechanism, request).getName()).isEqualTo("billing.partner.example.com");
	}

	@Test
	void passthroughChainSentAgainIsNotValidatedAgainWhileItLasts() throws Exception {
		Instant now = Instant.now();
		MutableClock clock = new MutableClock(now);
		TestCertificates.Issued shortLived = TestCertificates.leaf(ca, "CN=billing-4,O=Example", now.minusSeconds(60),
				now.plusSeconds(3600), KeyPurposeId.id_kp_clientAuth, null);
		MtlsAuthenticationMechanism mechanism = new MtlsAuthenticationMechanism(properties(MtlsSource.ALB_PASSTHROUGH),
				new CertificateChainValidator(List.of(ca.certificate()), List.of(), clock));
		String header = TestCertificates.albHeader(shortLived.certificate(), ca.certificate());
		X509Certificate first = presentedLeaf(mechanism, header);
		assertThat(presentedLeaf(mechanism, header)).as("the remembered chain, not parsed again").isSameAs(first);
		assertThat(presentedLeaf(mechanism, TestCertificates.albHeader(shortLived.certificate())))
			.as("another header is parsed and validated").isNotSameAs(first)
			.isEqualTo(first);
		clock.advance(Duration.ofSeconds(3601));
		MockHttpServletRequest expired = passthroughRequest(header);
		filter(mechanism, expired);
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> mechanism.converter().convert(expired))
			.withMessage("Invalid client certificate: the certificate has expired");
	}

	@Test
	void passthroughChainSentAgainNamesThePrincipalAndTheLeafNamesMadeBefore() throws Exception {
		MtlsAuthenticationMechanism mechanism = passthroughMechanism();
		String header = TestCertificates.albHeader(billing.certificate(), ca.certificate());
		AwsPrincipal first = authenticatePassthrough(mechanism, header);
		assertThat(first.getName()).isEqualTo("billing-1");
		assertThat(first.authorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_billing");
		assertThat(authenticatePassthrough(mechanism, header)).isSameAs(first);
		assertThat(authenticatePassthrough(mechanism, TestCertificates.albHeader(billing.certificate())))
			.as("another header: another chain, its own principal").isNotSameAs(first).isEqualTo(first);
		PresentedCertificate names = presented(mechanism, header);
		assertThat(names.subject()).isEqualTo("CN=billing-1,O=Example");
		assertThat(presented(mechanism, header)).as("the leaf's names are read once per remembered chain")
			.isSameAs(names);
	}

	@Test
	void rememberedChainsOfOneCaShareItsCertificate() throws Exception {
		MtlsAuthenticationMechanism mechanism = passthroughMechanism();
		TestCertificates.Issued other = TestCertificates.leaf(ca, "CN=billing-2,O=Example");
		X509Certificate[] first = presentedChain(mechanism,
				TestCertificates.albHeader(billing.certificate(), ca.certificate()));
		X509Certificate[] second = presentedChain(mechanism,
				TestCertificates.albHeader(other.certificate(), ca.certificate()));
		assertThat(first[0].getSubjectX500Principal().getName()).isEqualTo("CN=billing-1,O=Example");
		assertThat(second[0].getSubjectX500Principal().getName()).isEqualTo("CN=billing-2,O=Example");
		assertThat(second[1]).as("each header decodes its own copy of the CA; the remembered chains keep one")
			.isEqualTo(ca.certificate())
			.isSameAs(first[1]);
	}

	private static X509Certificate[] presentedChain(MtlsAuthenticationMechanism mechanism, String header)
			throws Exception {
		MockHttpServletRequest request = passthroughRequest(header);
		filter(mechanism, request);
		return (X509Certificate[]) request.getAttribute(ClientCertificates.ATTRIBUTE);
	}

	private static MtlsAuthenticationMechanism passthroughMechanism() {
		return new MtlsAuthenticationMechanism(properties(MtlsSource.ALB_PASSTHROUGH),
				new CertificateChainValidator(List.of(ca.certificate()), List.of(), Clock.systemUTC()));
	}

	private static PresentedCertificate presented(MtlsAuthenticationMechanism mechanism, String header)
			throws Exception {
		MockHttpServletRequest request = passthroughRequest(header);
		filter(mechanism, request);
		ClientCertificateFilter.Presented presented = (ClientCertificateFilter.Presented) request
			.getAttribute(ClientCertificateFilter.OUTCOME);
		return presented.certificate();
	}

	private static AwsPrincipal authenticatePassthrough(MtlsAuthenticationMechanism mechanism, String header)
			throws Exception {
		MockHttpServletRequest request = passthroughRequest(header);
		filter(mechanism, request);
		return authenticate(mechanism, request);
	}

	@Test
	void passthroughChainThatRepeatsACertificateIsRefused() throws Exception {
		MtlsAuthenticationMechanism mechanism = new MtlsAuthenticationMechanism(properties(MtlsSource.ALB_PASSTHROUGH),
				new CertificateChainValidator(List.of(ca.certificate()), List.of(), Clock.systemUTC()));
		MockHttpServletRequest request = passthroughRequest(
				TestCertificates.albHeader(billing.certificate(), ca.certificate(), ca.certificate()));
		filter(mechanism, request);
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> mechanism.converter().convert(request))
			.withMessage("Invalid client certificate: the client certificate chain repeats a certificate");
	}

	private static X509Certificate presentedLeaf(MtlsAuthenticationMechanism mechanism,
			String header) throws Exception {
		MockHttpServletRequest request = passthroughRequest(header);
		filter(mechanism, request);
		assertThat(authenticate(mechanism, request).getName()).isEqualTo("billing-4");
		return ClientCertificates.leaf(request);
	}

	private static MockHttpServletRequest passthroughRequest(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.setRemoteAddr("10.0.0.5");
		request.addHeader("X-Amzn-Mtls-Clientcert", header);
		return request;
	}

	private static MockHttpServletRequest verifyRequest(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.setRemoteAddr(peer);
		request.addHeader("X-Amzn-Mtls-Clientcert-Subject", "CN=billing-1,O=Example");
		request.addHeader("X-Amzn-Mtls-Clientcert-Issuer", "CN=Partners CA,O=Example");
		request.addHeader("X-Amzn-Mtls-Clientcert-Serial-Number", "1f");
		request.addHeader("X-Amzn-Mtls-Clientcert-Leaf", TestCertificates.albHeader(billing.certificate()));
		return request;
	}

	private static MtlsProperties properties(MtlsSource source) {
		MtlsProperties properties = new MtlsProperties();
		properties.setSource(source);
		properties.setTrustedProxies(List.of("10.0.0.0/24"));
		properties.setSubjects(Map.of("CN=billing-*,O=Example", List.of("ROLE_billing")));
		properties.setMaxHeaderSize(DataSize.ofKilobytes(32));
		return properties;
	}

	private static MtlsAuthenticationMechanism mechanism(MtlsSource source) {
		return new MtlsAuthenticationMechanism(properties(source), null);
	}

	private static void filter(MtlsAuthenticationMechanism mechanism, MockHttpServletRequest request) throws Exception {
		mechanism.preparingFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		if (mechanism.carriesCredential(request)) {
			RequestCredentials.found(request, Mechanism.MTLS, false);
		}
	}

	private static AwsPrincipal authenticate(MtlsAuthenticationMechanism mechanism, MockHttpServletRequest request) {
		Authentication authenticated = mechanism.provider().authenticate(mechanism.converter().convert(request));
		return (AwsPrincipal) authenticated.getPrincipal();
	}

}
