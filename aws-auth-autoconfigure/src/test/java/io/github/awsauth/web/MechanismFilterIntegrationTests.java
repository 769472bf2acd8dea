package io.github.awsauth.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plumbing every request-credential mechanism uses: the one mechanism filter, stateless, and the
 * 401/403/413/503 answers of its failures, next to bearer JWTs on the same chain.
 */
@SpringBootTest(classes = { TestApplication.class, MechanismFilterIntegrationTests.KeyMechanism.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.jwt.issuers[0].issuer-uri=http://localhost:1/pool",
				"aws.auth.jwt.issuers[0].audiences=app", "aws.auth.authorization.public-paths=/public/**" })
class MechanismFilterIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void mechanismAuthenticatesStatelessly() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", "Key good");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"partner\"", "\"mechanism\":\"api-key\"", "ROLE_partner");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void authenticatingLeavesAnExistingSessionAsItWas() {
		HttpResponse<String> opened = Http.get(this.port, "/public/session", null);
		String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertThat(withCookie("/public/session", null, cookie).body()).as("the session is known").isEqualTo(opened.body());
		assertThat(withCookie("/api/me", "Key good", cookie).statusCode()).isEqualTo(200);
		assertThat(withCookie("/public/session", null, cookie).body()).as("its id did not change")
			.isEqualTo(opened.body());
	}

	private HttpResponse<String> withCookie(String path, String authorization, String cookie) {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
			.header("Cookie", cookie);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return Http.send(request.build());
	}

	@Test
	void bearerCredentialOfAnotherMechanismIsNotReadAsAJwt() {
		assertThat(Http.get(this.port, "/api/me", "Bearer k8s-aws-v1.good").statusCode()).isEqualTo(200);
	}

	@Test
	void rejectedCredentialIsChallengedWithEveryScheme() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", "Key bad");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer", "Key");
		assertThat(response.body()).contains("\"detail\":\"Unknown key\"", "\"status\":401");
	}

	@Test
	void missingCredentialIsChallengedWithEveryScheme() {
		assertThat(Http.get(this.port, "/api/me", null).headers().allValues("WWW-Authenticate"))
			.containsExactly("Bearer", "Key");
	}

	@Test
	void failuresKeepTheirStatus() {
		HttpResponse<String> unavailable = Http.get(this.port, "/api/me", "Key upstream-down");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(unavailable.headers().allValues("WWW-Authenticate")).isEmpty();
		assertThat(Http.get(this.port, "/api/me", "Key not-allowed").statusCode()).isEqualTo(403);
		assertThat(Http.get(this.port, "/api/me", "Key huge").statusCode()).isEqualTo(413);
		HttpResponse<String> crash = Http.get(this.port, "/api/me", "Key crash");
		assertThat(crash.statusCode()).isEqualTo(401);
		assertThat(crash.body()).as("an internal failure is not echoed").doesNotContain("internal detail");
	}

	@Test
	void missingEndpointOfAPublicPathIsNotFoundForAnAnonymousCaller() {
		HttpResponse<String> response = Http.get(this.port, "/public/missing", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void directRequestForTheErrorPageStillNeedsACredential() {
		assertThat(Http.get(this.port, "/error", null).statusCode()).isEqualTo(401);
	}

	@Test
	void authenticatedCallerStillFacesMethodSecurity() {
		HttpResponse<String> response = Http.get(this.port, "/api/admin", "Key good");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	/** A minimal mechanism: {@code Authorization: Key <name>}, or an IAM-style bearer token. */
	@Configuration(proxyBeanMethods = false)
	static class KeyMechanism {

		@Bean
		AwsAuthenticationMechanism keyMechanism() {
			return new AwsAuthenticationMechanism() {

				@Override
				public Mechanism mechanism() {
					return Mechanism.API_KEY;
				}

				@Override
				public List<String> credentialHeaders() {
					return List.of("Authorization");
				}

				@Override
				public boolean carriesCredential(HttpServletRequest request) {
					String header = request.getHeader("Authorization");
					return header != null && (header.startsWith("Key ") || header.equals("Bearer k8s-aws-v1.good"));
				}

				@Override
				public AuthenticationConverter converter() {
					return (request) -> {
						String header = request.getHeader("Authorization");
						if (header == null) {
							return null;
						}
						if (header.startsWith("Key ")) {
							return new TestingAuthenticationToken(header.substring(4), null);
						}
						if (header.equals("Bearer k8s-aws-v1.good")) {
							return new TestingAuthenticationToken("good", null);
						}
						return null;
					};
				}

				@Override
				public AuthenticationProvider provider() {
					return new AuthenticationProvider() {

						@Override
						public Authentication authenticate(Authentication authentication) {
							return switch ((String) authentication.getPrincipal()) {
								case "good" -> new AwsAuthenticationToken(new AwsPrincipal("partner", Mechanism.API_KEY,
										Map.of("key", "good"), AuthorityUtils.createAuthorityList("ROLE_partner")),
										null);
								case "upstream-down" -> throw AwsAuthenticationException.unavailable("Upstream down",
										Duration.ofSeconds(5), null);
								case "not-allowed" -> throw AwsAuthenticationException.forbidden("Not allowed");
								case "huge" -> throw AwsAuthenticationException.tooLarge("Body too large");
								case "crash" -> throw new org.springframework.security.authentication.AuthenticationServiceException(
										"internal detail");
								default -> throw AwsAuthenticationException.invalid("Unknown key");
							};
						}

						@Override
						public boolean supports(Class<?> authentication) {
							return TestingAuthenticationToken.class.isAssignableFrom(authentication);
						}

					};
				}

				@Override
				public String challenge() {
					return "Key";
				}

			};
		}

	}

}
