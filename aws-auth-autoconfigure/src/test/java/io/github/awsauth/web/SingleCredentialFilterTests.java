package io.github.awsauth.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.RequestCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which credential a request carries, and which ones exempt it from CSRF protection.
 */
class SingleCredentialFilterTests {

	@Test
	void headerCredentialTheClientSetIsExemptFromCsrf() throws Exception {
		MockHttpServletRequest request = request("X-Api-Key", "k");
		filter(credential(Mechanism.API_KEY, "X-Api-Key", false, false), request);
		assertThat(RequestCredentials.mechanism(request)).isEqualTo(Mechanism.API_KEY);
		assertThat(RequestCredentials.inHeader().matches(request)).isTrue();
	}

	@Test
	void ambientCredentialIsNeverExemptFromCsrf() throws Exception {
		MockHttpServletRequest request = request("X-Amzn-Mtls-Clientcert-Subject", "CN=a");
		filter(credential(Mechanism.MTLS, "X-Amzn-Mtls-Clientcert-Subject", true, true), request);
		assertThat(RequestCredentials.mechanism(request)).isEqualTo(Mechanism.MTLS);
		assertThat(RequestCredentials.inHeader().matches(request))
			.as("a browser's certificate, or headers an ALB adds, come with cross-site requests too")
			.isFalse();
	}

	@Test
	void requestCredentialBesideTheConnectionsCertificateNamesTheCaller() throws Exception {
		MockHttpServletRequest request = request("X-Api-Key", "k");
		request.addHeader("X-Amzn-Mtls-Clientcert-Subject", "CN=a");
		filter(List.of(credential(Mechanism.MTLS, "X-Amzn-Mtls-Clientcert-Subject", true, true),
				credential(Mechanism.API_KEY, "X-Api-Key", false, false)), request);
		assertThat(RequestCredentials.mechanism(request)).isEqualTo(Mechanism.API_KEY);
	}

	@Test
	void yieldingCredentialIsNotAskedWhenAnotherClaimsItsHeader() throws Exception {
		AtomicInteger asked = new AtomicInteger();
		List<RequestCredential> credentials = List.of(bearerJwt(asked), iamToken());

		MockHttpServletRequest iam = request("Authorization", "Bearer k8s-aws-v1.abc");
		filter(credentials, iam);
		assertThat(RequestCredentials.mechanism(iam)).isEqualTo(Mechanism.IAM);
		assertThat(asked).as("the JWT resolver did not read a token IAM claims").hasValue(0);

		MockHttpServletRequest jwt = request("Authorization", "Bearer eyJ.e30.sig");
		filter(credentials, jwt);
		assertThat(RequestCredentials.mechanism(jwt)).isEqualTo(Mechanism.JWT);
		assertThat(asked).hasValue(1);
	}

	@Test
	void whatAnotherChainFoundIsForgottenWhenThisChainFindsNone() throws Exception {
		MockHttpServletRequest forwarded = request("X-Api-Key", "k");
		RequestCredentials.found(forwarded, Mechanism.API_KEY, true);
		filter(credential(Mechanism.SIGV4, "X-Amz-Date", false, false), forwarded);
		assertThat(RequestCredentials.mechanism(forwarded)).isNull();
		assertThat(RequestCredentials.inHeader().matches(forwarded)).as("no CSRF exemption carried over").isFalse();
	}

	private static MockHttpServletRequest request(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
		request.addHeader(header, value);
		return request;
	}

	private static void filter(RequestCredential credential, MockHttpServletRequest request) throws Exception {
		filter(List.of(credential), request);
	}

	private static void filter(List<RequestCredential> credentials, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SingleCredentialFilter(credentials).doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	/** What the JWT credential is: any bearer token, when no other mechanism claims it. */
	private static RequestCredential bearerJwt(AtomicInteger asked) {
		RequestCredential bearer = credential(Mechanism.JWT, "Authorization", false, false);
		return new RequestCredential() {

			@Override
			public Mechanism mechanism() {
				return bearer.mechanism();
			}

			@Override
			public List<String> credentialHeaders() {
				return bearer.credentialHeaders();
			}

			@Override
			public boolean carriesCredential(HttpServletRequest request) {
				asked.incrementAndGet();
				return bearer.carriesCredential(request);
			}

			@Override
			public boolean yieldsToOtherClaims() {
				return true;
			}

		};
	}

	private static RequestCredential iamToken() {
		RequestCredential authorization = credential(Mechanism.IAM, "Authorization", false, false);
		return new RequestCredential() {

			@Override
			public Mechanism mechanism() {
				return authorization.mechanism();
			}

			@Override
			public List<String> credentialHeaders() {
				return authorization.credentialHeaders();
			}

			@Override
			public boolean carriesCredential(HttpServletRequest request) {
				String value = request.getHeader("Authorization");
				return value != null && value.startsWith("Bearer k8s-aws-v1.");
			}

		};
	}

	private static RequestCredential credential(Mechanism mechanism, String header, boolean transport,
			boolean ambient) {
		return new RequestCredential() {

			@Override
			public Mechanism mechanism() {
				return mechanism;
			}

			@Override
			public List<String> credentialHeaders() {
				return List.of(header);
			}

			@Override
			public boolean carriesCredential(HttpServletRequest request) {
				return request.getHeader(header) != null;
			}

			@Override
			public boolean isTransport() {
				return transport;
			}

			@Override
			public boolean isAmbient() {
				return ambient;
			}

		};
	}

}
