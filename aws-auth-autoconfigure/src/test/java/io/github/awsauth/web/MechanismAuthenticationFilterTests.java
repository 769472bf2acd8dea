package io.github.awsauth.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.apikey.ApiKey;
import io.github.awsauth.apikey.ApiKeyAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.Sha256;
import io.github.awsauth.core.VerificationTimer;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one filter of the request-credential mechanisms: it asks the converter of the credential the
 * request carries, once per request whatever the chain.
 */
class MechanismAuthenticationFilterTests {

	@Test
	void eachOfTwoMechanismsOfOneKindAuthenticatesItsOwnCredential() throws Exception {
		ApiKeyAuthenticationMechanism partners = apiKeys("X-Partner-Key", "partner");
		ApiKeyAuthenticationMechanism scripts = apiKeys("X-Script-Key", "script");
		assertThat(authenticatedName(List.of(partners, scripts), "X-Script-Key")).isEqualTo("script");
		assertThat(authenticatedName(List.of(partners, scripts), "X-Partner-Key")).isEqualTo("partner");
	}

	@Test
	void filterOfAnotherChainDoesNotAuthenticateTheRequestAgain() throws Exception {
		AtomicInteger converted = new AtomicInteger();
		ApiKeyAuthenticationMechanism keys = apiKeys("X-Api-Key", "partner");
		AuthenticationConverter counting = (request) -> {
			converted.incrementAndGet();
			return keys.converter().convert(request);
		};
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
		request.addHeader("X-Api-Key", "key-of-partner");
		// as Spring Security's object post-processor names each chain's filter
		MechanismAuthenticationFilter first = filter(Map.of(keys, counting), keys);
		first.setBeanName(first.toString());
		MechanismAuthenticationFilter second = filter(Map.of(keys, counting), keys);
		second.setBeanName(second.toString());
		new MockFilterChain(new AnsweringServlet(), new SingleCredentialFilter(List.of(keys)), first, second)
			.doFilter(request, new MockHttpServletResponse());
		assertThat(converted).as("a forward to another chain's filter is not verified again").hasValue(1);
	}

	private static String authenticatedName(List<ApiKeyAuthenticationMechanism> mechanisms, String header)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
		request.addHeader(header, "key-of-" + (header.equals("X-Script-Key") ? "script" : "partner"));
		Map<AwsAuthenticationMechanism, AuthenticationConverter> converters = new IdentityHashMap<>();
		mechanisms.forEach((mechanism) -> converters.put(mechanism, mechanism.converter()));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(new AnsweringServlet(),
				new SingleCredentialFilter(List.copyOf(mechanisms)),
				filter(converters, mechanisms.toArray(new ApiKeyAuthenticationMechanism[0])))
			.doFilter(request, response);
		assertThat(response.getStatus()).isEqualTo(200);
		Authentication authentication = new RequestAttributeSecurityContextRepository().loadDeferredContext(request)
			.get()
			.getAuthentication();
		SecurityContextHolder.clearContext();
		return authentication.getName();
	}

	private static MechanismAuthenticationFilter filter(
			Map<? extends RequestCredential, AuthenticationConverter> converters,
			ApiKeyAuthenticationMechanism... mechanisms) {
		ProviderManager providers = new ProviderManager(
				Arrays.stream(mechanisms).map(AwsAuthenticationMechanism::provider).toList());
		return new MechanismAuthenticationFilter(converters, providers,
				(request, response, ex) -> response.sendError(401), (event) -> {
				}, VerificationTimer.NONE);
	}

	/** Keys sent as {@code key-of-<name>}, each naming the principal {@code <name>}. */
	private static ApiKeyAuthenticationMechanism apiKeys(String header, String name) {
		byte[] sha256 = Sha256.of(("key-of-" + name).getBytes(StandardCharsets.UTF_8));
		return new ApiKeyAuthenticationMechanism((presented) -> Arrays.equals(presented, sha256)
						? new ApiKey(name, sha256, List.of("ROLE_" + name), null, false) : null,
				header, 64, Clock.systemUTC());
	}

	/** The application: answers 200. */
	private static final class AnsweringServlet extends GenericServlet {

		@Override
		public void service(ServletRequest request, ServletResponse response) {
		}

	}

}
