package io.github.awsauth.mtls;

import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredentials;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the ALB passthrough header, from URL decoding through the JDK's
 * certificate parser to PKIX: a 401 is the only failure, and nothing authenticates without a chain
 * to the trusted CA (which the fuzzer cannot make).
 */
class ClientCertificateFuzzTests {

	private static final TestCertificates.Issued ca = TestCertificates.ca("CN=Partners CA,O=Example");

	private static final MtlsAuthenticationMechanism mechanism;

	static {
		MtlsProperties properties = new MtlsProperties();
		properties.setSource(MtlsSource.ALB_PASSTHROUGH);
		properties.setTrustedProxies(List.of("127.0.0.1"));
		properties.setSubjects(Map.of("CN=*", List.of("ROLE_any")));
		properties.setMaxHeaderSize(DataSize.ofKilobytes(32));
		mechanism = new MtlsAuthenticationMechanism(properties,
				new CertificateChainValidator(List.of(ca.certificate()), List.of(), java.time.Clock.systemUTC()));
	}

	@FuzzTest(maxDuration = "10m")
	void anyHeaderIsRefusedWithoutAChainToTheTrustedCa(FuzzedDataProvider data) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.setRemoteAddr("127.0.0.1");
		request.addHeader("X-Amzn-Mtls-Clientcert", data.consumeRemainingAsString());
		mechanism.preparingFilter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		if (!mechanism.carriesCredential(request)) {
			return;
		}
		RequestCredentials.found(request, Mechanism.MTLS, true);
		try {
			Authentication authenticated = mechanism.provider().authenticate(mechanism.converter().convert(request));
			throw new AssertionError("authenticated without a chain to the CA: " + authenticated);
		}
		catch (AwsAuthenticationException expected) {
			assertThat(expected.getStatus().value()).isEqualTo(401);
		}
	}

}
