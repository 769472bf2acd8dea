package io.github.awsauth.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
		RequestCredentials.found(forwarded, credential(Mechanism.API_KEY, "X-Api-Key", false, false), true);
		filter(credential(Mechanism.SIGV4, "X-Amz-Date", false, false), forwarded);
		assertThat(RequestCredentials.mechanism(forwarded)).isNull();
		assertThat(RequestCredentials.credential(forwarded)).as("no mechanism of this chain authenticates it").isNull();
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
		return new TestCredential(Mechanism.JWT, "Authorization", (value) -> {
			asked.incrementAndGet();
			return true;
		}, true, false, false);
	}

	private static RequestCredential iamToken() {
		return new TestCredential(Mechanism.IAM, "Authorization", (value) -> value.startsWith("Bearer k8s-aws-v1."),
				false, false, false);
	}

	private static RequestCredential credential(Mechanism mechanism, String header, boolean transport,
			boolean ambient) {
		return new TestCredential(mechanism, header, (value) -> true, false, transport, ambient);
	}

	/** A credential in one header, carried when the header is there and its value qualifies. */
	private record TestCredential(Mechanism mechanism, String header, Predicate<String> qualifies, boolean yields,
			boolean transport, boolean ambient) implements RequestCredential {

		@Override
		public List<String> credentialHeaders() {
			return List.of(this.header);
		}

		@Override
		public boolean carriesCredential(HttpServletRequest request) {
			String value = request.getHeader(this.header);
			return value != null && this.qualifies.test(value);
		}

		@Override
		public boolean yieldsToOtherClaims() {
			return this.yields;
		}

		@Override
		public boolean isTransport() {
			return this.transport;
		}

		@Override
		public boolean isAmbient() {
			return this.ambient;
		}

	}

}
