package io.github.awsauth.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.awsauth.apikey.ApiKey;
import io.github.awsauth.apikey.ApiKeyAuthenticationMechanism;
import io.github.awsauth.apikey.ApiKeyStore;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Mechanism;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine mechanisms' configuration: off unless enabled, backing off for the application's own
 * beans, and a start-up failure naming the property when a block cannot work.
 */
class MachineMechanismsConfigurationTests {

	static final String SHA256 = HexFormat.of()
		.formatHex(sha256("pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c"));

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

	@Test
	void apiKeysAreOffUnlessEnabled() {
		this.runner.withPropertyValues("aws.auth.api-keys.keys[0].id=a", "aws.auth.api-keys.keys[0].sha256=" + SHA256)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AwsAuthenticationMechanism.class));
	}

	@Test
	void apiKeysWithoutKeysFailNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.api-keys.enabled=true")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.api-keys.keys"));
	}

	@Test
	void apiKeyHashThatIsNotASha256FailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.api-keys.enabled=true", "aws.auth.api-keys.keys[0].id=a",
					"aws.auth.api-keys.keys[0].sha256=password")
			.run((context) -> {
				AwsAuthConfigurationException failure = failure(context);
				assertThat(failure.getProperty()).isEqualTo("aws.auth.api-keys.keys[0].sha256");
				assertThat(failure.getAction()).contains("sha256sum");
			});
	}

	@Test
	void apiKeyIdsAndKeysAreUnique() {
		this.runner
			.withPropertyValues("aws.auth.api-keys.enabled=true", "aws.auth.api-keys.keys[0].id=a",
					"aws.auth.api-keys.keys[0].sha256=" + SHA256, "aws.auth.api-keys.keys[1].id=a",
					"aws.auth.api-keys.keys[1].sha256=" + SHA256.replace('a', 'b'))
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.api-keys.keys[1].id"));
		this.runner
			.withPropertyValues("aws.auth.api-keys.enabled=true", "aws.auth.api-keys.keys[0].id=a",
					"aws.auth.api-keys.keys[0].sha256=" + SHA256, "aws.auth.api-keys.keys[1].id=b",
					"aws.auth.api-keys.keys[1].sha256=" + SHA256.toUpperCase())
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.api-keys.keys[1].sha256"));
	}

	@Test
	void applicationsKeyStoreReplacesThePropertiesAndNeedsNoKeys() {
		ApiKeyStore database = (sha256) -> new ApiKey("from-db", sha256, List.of("ROLE_partner"), null, false);
		this.runner.withPropertyValues("aws.auth.api-keys.enabled=true")
			.withBean(ApiKeyStore.class, () -> database)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ApiKeyAuthenticationMechanism.class);
				assertThat(context.getBean(ApiKeyStore.class)).isSameAs(database);
			});
	}

	@Test
	void instanceIdentityWithoutAccountsFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.instance-identity.enabled=true")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.instance-identity.accounts"));
	}

	@Test
	void instanceIdentityAccountThatIsNotAnAccountIdFails() {
		this.runner
			.withPropertyValues("aws.auth.instance-identity.enabled=true",
					"aws.auth.instance-identity.accounts[12345]=ROLE_ec2")
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.instance-identity.accounts[12345]"));
	}

	@Test
	void instanceIdentityNegativeLiveCheckCacheTtlFails() {
		this.runner
			.withPropertyValues("aws.auth.instance-identity.enabled=true",
					"aws.auth.instance-identity.accounts[123456789012]=ROLE_ec2",
					"aws.auth.instance-identity.live-check=true",
					"aws.auth.instance-identity.live-check-cache-ttl=-1s")
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.instance-identity.live-check-cache-ttl"));
	}

	@Test
	void instanceIdentityRegionWithoutAKeyFails() {
		this.runner
			.withPropertyValues("aws.auth.instance-identity.enabled=true",
					"aws.auth.instance-identity.accounts[123456789012]=ROLE_ec2",
					"aws.auth.instance-identity.regions=eu-westt-1")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.instance-identity.regions"));
	}

	@Test
	void instanceIdentityCertificateThatIsNotThereFails() {
		this.runner
			.withPropertyValues("aws.auth.instance-identity.enabled=true",
					"aws.auth.instance-identity.accounts[123456789012]=ROLE_ec2",
					"aws.auth.instance-identity.certificates[0].region=eu-west-9",
					"aws.auth.instance-identity.certificates[0].form=rsa2048",
					"aws.auth.instance-identity.certificates[0].location=classpath:nothing-here.pem")
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.instance-identity.certificates[0].location"));
	}

	@Test
	void instanceIdentityCertificateForANewRegionIsAccepted() {
		this.runner
			.withPropertyValues("aws.auth.instance-identity.enabled=true",
					"aws.auth.instance-identity.accounts[123456789012]=ROLE_ec2",
					"aws.auth.instance-identity.certificates[0].region=eu-west-9",
					"aws.auth.instance-identity.certificates[0].form=rsa2048",
					"aws.auth.instance-identity.certificates[0].location="
							+ "classpath:io/github/awsauth/iid/certificates/rsa2048/eu-west-1.pem",
					"aws.auth.instance-identity.regions=eu-west-9")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(io.github.awsauth.iid.InstanceIdentityAuthenticationMechanism.class));
	}

	@Test
	void mtlsWithoutSubjectsFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.mtls.enabled=true")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.mtls.subjects"));
	}

	@Test
	void mtlsFromTlsNeedsTheServerToAskForCertificates() {
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("server.ssl.client-auth"));
	}

	@Test
	void mtlsFromTlsNeedsATrustStoreOfItsOwn() {
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true", "server.ssl.client-auth=want")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("server.ssl.trust-store"));
	}

	@Test
	void mtlsBehindAnAlbRefusesAContainerThatRewritesThePeerAddress() {
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true", "aws.auth.mtls.source=alb-verify",
					"aws.auth.mtls.trusted-proxies=10.0.0.0/16", "server.forward-headers-strategy=native")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("server.forward-headers-strategy"));
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true", "aws.auth.mtls.source=alb-verify",
					"aws.auth.mtls.trusted-proxies=10.0.0.0/16", "spring.main.cloud-platform=kubernetes")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("server.forward-headers-strategy"));
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true", "aws.auth.mtls.source=alb-verify",
					"aws.auth.mtls.trusted-proxies=10.0.0.0/16", "spring.main.cloud-platform=kubernetes",
					"server.forward-headers-strategy=framework")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void mtlsBehindAnAlbNeedsTrustedProxiesAndForPassthroughATrustStore() {
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true",
					"aws.auth.mtls.source=alb-verify")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.mtls.trusted-proxies"));
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true",
					"aws.auth.mtls.source=alb-verify", "aws.auth.mtls.trusted-proxies=10.0.0.0/33")
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.mtls.trusted-proxies[0]"));
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true",
					"aws.auth.mtls.source=alb-passthrough", "aws.auth.mtls.trusted-proxies=10.0.0.0/16")
			.run((context) -> assertThat(failure(context).getProperty()).isEqualTo("aws.auth.mtls.trust-store"));
		this.runner.withInitializer(MachineMechanismsConfigurationTests::subjects)
			.withPropertyValues("aws.auth.mtls.enabled=true",
					"aws.auth.mtls.source=alb-verify", "aws.auth.mtls.trusted-proxies=10.0.0.0/16")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(io.github.awsauth.mtls.MtlsAuthenticationMechanism.class));
	}

	@Test
	void mechanismBeanForTheBearerJwtStopsTheStartUp() {
		AwsAuthenticationMechanism bearer = new AwsAuthenticationMechanism() {

			@Override
			public Mechanism mechanism() {
				return Mechanism.JWT;
			}

			@Override
			public List<String> credentialHeaders() {
				return List.of("Authorization");
			}

			@Override
			public boolean carriesCredential(HttpServletRequest request) {
				return request.getHeader("Authorization") != null;
			}

			@Override
			public AuthenticationConverter converter() {
				return (request) -> null;
			}

			@Override
			public AuthenticationProvider provider() {
				return new TestingAuthenticationProvider();
			}

			@Override
			public String challenge() {
				return "Bearer";
			}

		};
		this.runner.withBean("bearerMechanism", AwsAuthenticationMechanism.class, () -> bearer)
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=http://localhost:1/pool",
					"aws.auth.jwt.issuers[0].audiences=app")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("is for mechanism jwt, whose credential")
				.hasMessageContaining("JwtSecurityContribution reads"));
	}

	@Test
	void routeWithBothAnyOfAndAllOfFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.authorization.routes[0].pattern=/api/**",
					"aws.auth.authorization.routes[0].any-of=ROLE_a", "aws.auth.authorization.routes[0].all-of=ROLE_b")
			.run((context) -> assertThat(failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.routes[0].all-of"));
	}

	/** A subject key holds '=', which a property value pair cannot carry. */
	private static void subjects(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("subjects", Map.of("aws.auth.mtls.subjects[CN=a]", "ROLE_a")));
	}

	static AwsAuthConfigurationException failure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable cause = context.getStartupFailure();
		while (cause != null && !(cause instanceof AwsAuthConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("an AwsAuthConfigurationException explains " + context.getStartupFailure()).isNotNull();
		return (AwsAuthConfigurationException) cause;
	}

	static byte[] sha256(String key) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
