package io.github.awsauth.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health contributors: the issuers' key sets when the starter decodes tokens, the upstreams
 * of the configured mechanisms, none without Boot's health support.
 */
@SuppressWarnings("unchecked")
class HealthConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

	@Test
	void keySetsOfTheTrustedIssuersAndTheStsOfIam() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=https://idp.example.com",
					"aws.auth.jwt.issuers[0].audiences=app", "aws.auth.iam.enabled=true",
					"aws.auth.iam.server-id=orders", "aws.auth.iam.sts-endpoint=https://sts.eu-west-1.amazonaws.com")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("principals",
						Map.of("aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker]", "ROLE_worker"))))
			.run((context) -> {
				Health keys = context.getBean("awsAuthJwksHealthIndicator", HealthIndicator.class).health();
				assertThat(keys.getStatus()).isEqualTo(Status.UP);
				assertThat(((Map<String, ?>) keys.getDetails().get("issuers")).keySet()).containsExactly("https://idp.example.com");
				Health upstreams = context.getBean("awsAuthUpstreamsHealthIndicator", HealthIndicator.class).health();
				assertThat(upstreams.getStatus()).isEqualTo(Status.UP);
				assertThat(((Map<String, ?>) upstreams.getDetails().get("upstreams")).keySet()).containsExactly("sts");
				assertThat(upstreams.getDetails().toString()).contains("https://sts.eu-west-1.amazonaws.com",
						"lastReached=never");
			});
	}

	@Test
	void noKeySetContributorWithoutTrustedIssuers() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("awsAuthJwksHealthIndicator")
			.hasBean("awsAuthUpstreamsHealthIndicator"));
	}

	@Test
	void noContributorWithoutBootsHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=https://idp.example.com",
					"aws.auth.jwt.issuers[0].audiences=app")
			.run((context) -> assertThat(context).doesNotHaveBean("awsAuthJwksHealthIndicator")
				.doesNotHaveBean("awsAuthUpstreamsHealthIndicator"));
	}

}
