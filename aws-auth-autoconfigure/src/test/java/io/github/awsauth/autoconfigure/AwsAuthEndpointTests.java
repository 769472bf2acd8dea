package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code awsauth} endpoint: no access unless granted, and then what is configured and held,
 * never a secret.
 */
class AwsAuthEndpointTests {

	private static final String SECRET = "sigv4-secret-access-key-do-not-show";

	private static final String KEY_HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				EndpointAutoConfiguration.class))
		.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=https://idp.example.com",
				"aws.auth.jwt.issuers[0].audiences=app", "aws.auth.sigv4.enabled=true",
				"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.service=execute-api",
				"aws.auth.sigv4.keys[0].access-key-id=AKIDPARTNER",
				"aws.auth.sigv4.keys[0].secret-access-key=" + SECRET, "aws.auth.sigv4.keys[0].principal=partner-a",
				"aws.auth.api-keys.enabled=true", "aws.auth.api-keys.keys[0].id=partner-b",
				"aws.auth.api-keys.keys[0].sha256=" + KEY_HASH, "aws.auth.authorization.routes[0].pattern=/api/**",
				"aws.auth.authorization.routes[0].any-of=ROLE_partner");

	@Test
	void noAccessUnlessGranted() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).doesNotHaveBean(AwsAuthEndpoint.class));
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsWhatIsConfiguredAndHeldButNoSecret() {
		this.runner
			.withPropertyValues("management.endpoint.awsauth.access=READ_ONLY",
					"management.endpoints.web.exposure.include=awsauth")
			.run((context) -> {
				Map<String, Object> report = context.getBean(AwsAuthEndpoint.class).awsAuth();
				assertThat((List<String>) report.get("mechanisms")).containsExactly("jwt", "sigv4", "api-key");
				assertThat((Map<String, Object>) report.get("jwt")).extractingByKey("issuers")
					.asString()
					.contains("https://idp.example.com", "lastFetch=never");
				assertThat((Map<String, Object>) report.get("sigv4")).containsEntry("keys", 1);
				assertThat((Map<String, Object>) report.get("api-key")).containsEntry("keys", 1);
				assertThat((Map<String, Object>) report.get("authorization")).containsEntry("routes",
						List.of("/api/**"));
				assertThat((Map<String, Object>) report.get("cache")).containsEntry("type", "local")
					.containsEntry("local", Map.of("jwt.verified",
							Map.of("size", 0L, "hits", 0L, "misses", 0L, "hitRate", 0.0)));
				assertThat(report.toString()).doesNotContain(SECRET, KEY_HASH, "AKIDPARTNER");
			});
	}

}
