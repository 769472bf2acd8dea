package io.github.awsauth.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with chains of its own applies the configurer: its own entry point and
 * access-denied handler stay its own, CSRF stays on for it and still exempts requests a mechanism
 * authenticated by header, and a chain can accept only some mechanisms.
 */
@SpringBootTest(classes = { TestApplication.class, MechanismFilterIntegrationTests.KeyMechanism.class,
		OwnChainIntegrationTests.OwnChains.class }, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.issuers[0].issuer-uri=http://localhost:1/pool",
				"aws.auth.jwt.issuers[0].audiences=app" })
class OwnChainIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void applicationsEntryPointAnswersARequestWithoutCredential() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("X-Answered-By")).hasValue("application entry point");
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void rejectedCredentialIsStillTheStartersProblem() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", "Key bad");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"detail\":\"Unknown key\"");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer", "Key");
	}

	@Test
	void applicationsAccessDeniedHandlerAnswersACallerWhoIsNotAllowed() {
		HttpResponse<String> response = Http.get(this.port, "/api/admin", "Key good");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("X-Answered-By")).hasValue("application access denied");
	}

	@Test
	void csrfStaysOnButExemptsAHeaderCredential() {
		assertThat(post("/api/echo", "Key good").statusCode()).isEqualTo(200);
		assertThat(post("/api/echo", null).statusCode()).as("no credential, no CSRF token").isEqualTo(403);
	}

	@Test
	void chainThatAcceptsOnlyOneMechanismIgnoresTheOthers() {
		HttpResponse<String> key = Http.get(this.port, "/internal/me", "Key good");
		assertThat(key.statusCode()).isEqualTo(401);
		assertThat(key.headers().allValues("WWW-Authenticate")).as("the chain offers only bearer JWTs")
			.containsExactly("Bearer");
	}

	private HttpResponse<String> post(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return Http.send(request.build());
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChains {

		@Bean
		@Order(1)
		SecurityFilterChain internalChain(HttpSecurity http) {
			http.securityMatcher("/internal/**")
				.with(AwsAuthConfigurer.awsAuth().mechanisms(Mechanism.JWT), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain applicationChain(HttpSecurity http) {
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("X-Answered-By", "application entry point");
				response.setStatus(401);
			}).accessDeniedHandler((request, response, ex) -> {
				response.setHeader("X-Answered-By", "application access denied");
				response.setStatus(403);
			}))
				.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/admin")
					.hasRole("admin")
					.anyRequest()
					.authenticated());
			return http.build();
		}

	}

}
