package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.awsauth.authz.AuthorityPolicies;
import io.github.awsauth.authz.DecisionPoint;
import io.github.awsauth.authz.OpaAuthorizationManager;
import io.github.awsauth.authz.VerifiedPermissionsAuthorizationManager;
import io.github.awsauth.authz.PolicyAuthorizer;
import io.github.awsauth.authz.PolicyDocument;
import io.github.awsauth.authz.PolicyProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision points from properties: the policy authorizer there only when policies are,
 * backing off for the application's own {@link PolicyProvider}, refusing to start on a policy it
 * would misread; OPA and Verified Permissions when their property is set, in their order.
 */
class PolicyConfigurationTests {

	private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
			+ "\"Action\":\"execute-api:Invoke\",\"Resource\":\"GET/api/*\"}}";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

	@Test
	void noPoliciesNoAuthorizer() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PolicyAuthorizer.class);
			assertThat(context).doesNotHaveBean(PolicyProvider.class);
		});
	}

	@Test
	void policiesFromPropertiesAndLocations() {
		this.runner
			.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]=" + POLICY,
					"aws.auth.authorization.policy-locations=classpath:authz/policies/*.json")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(PolicyAuthorizer.class);
				assertThat(context).hasSingleBean(AuthorityPolicies.class);
			});
	}

	@Test
	void ownProviderReplacesThePropertiesOnes() {
		PolicyProvider own = (caller) -> List.of(PolicyDocument.parse(POLICY));
		this.runner.withBean(PolicyProvider.class, () -> own)
			.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]=" + POLICY)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(AuthorityPolicies.class);
				assertThat(context).hasSingleBean(PolicyAuthorizer.class);
			});
	}

	@Test
	void unescapedPolicyVariableStopsTheStartUp() {
		String property = "aws.auth.authorization.policies[ROLE_partner][0]";
		this.runner.withPropertyValues(property + "=" + POLICY.replace("GET/api/*", "GET/api/${aws:username}/*"))
			.run((context) -> {
				AwsAuthConfigurationException failure = MachineMechanismsConfigurationTests.failure(context);
				assertThat(failure.getProperty()).isEqualTo(property);
				assertThat(failure.getAction()).contains("\\${aws:username}", "policy-locations");
			});
	}

	@Test
	void escapedPolicyVariableStarts() {
		this.runner
			.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]="
					+ POLICY.replace("GET/api/*", "GET/api/\\${aws:username}/*"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void policyThatIsNoPolicyStopsTheStartUpNamingItsElement() {
		this.runner.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]=" + POLICY,
				"aws.auth.authorization.policies[ROLE_partner][1]=" + POLICY.replace("Allow", "Permit"))
			.run((context) -> {
				AwsAuthConfigurationException failure = MachineMechanismsConfigurationTests.failure(context);
				assertThat(failure.getProperty()).isEqualTo("aws.auth.authorization.policies[ROLE_partner][1]");
				assertThat(failure.getMessage()).contains("Statement[0].Effect must be Allow or Deny");
			});
	}

	@Test
	void policyCutAtItsCommasIsExplained() {
		// a .properties value without an index binds to a list by its commas
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("policies",
						Map.of("aws.auth.authorization.policies[ROLE_partner]", POLICY))))
			.run((context) -> {
				AwsAuthConfigurationException failure = MachineMechanismsConfigurationTests.failure(context);
				assertThat(failure.getProperty()).isEqualTo("aws.auth.authorization.policies[ROLE_partner][0]");
				assertThat(failure.getAction()).contains("[ROLE_partner][0]={...}", "cut at its commas");
			});
	}

	@Test
	void policyLocationWithoutFilesStopsTheStartUp() {
		this.runner.withPropertyValues("aws.auth.authorization.policy-locations=classpath:nowhere/*.json")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.policy-locations[0]"));
	}

	@Test
	void decisionPointsFromPropertiesInTheirOrder() {
		this.runner
			.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]=" + POLICY,
					"aws.auth.authorization.opa.url=http://localhost:8181/v1/data/http/authz",
					"aws.auth.authorization.verified-permissions.policy-store-id=PSEXAMPLEabcdefg111111",
					"aws.auth.authorization.verified-permissions.region=eu-west-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanProvider(DecisionPoint.class).orderedStream().map(Object::getClass).toList())
					.containsExactly(PolicyAuthorizer.class, OpaAuthorizationManager.class,
							VerifiedPermissionsAuthorizationManager.class);
				assertThat(context).hasSingleBean(VerifiedPermissionsClient.class);
			});
	}

	@Test
	void noDecisionPointWithoutItsProperty() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(DecisionPoint.class)
			.doesNotHaveBean(VerifiedPermissionsClient.class));
	}

	@Test
	void applicationsOwnVerifiedPermissionsClientIsUsed() {
		VerifiedPermissionsClient own = VerifiedPermissionsClient.builder().region(Region.US_EAST_1).build();
		this.runner.withBean("ownClient", VerifiedPermissionsClient.class, () -> own)
			.withPropertyValues("aws.auth.authorization.verified-permissions.policy-store-id=PSEXAMPLEabcdefg111111")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBeans(VerifiedPermissionsClient.class).containsOnlyKeys("ownClient");
				assertThat(context).hasSingleBean(VerifiedPermissionsAuthorizationManager.class);
			});
	}

	@Test
	void opaUrlThatIsNotHttpStopsTheStartUp() {
		this.runner.withPropertyValues("aws.auth.authorization.opa.url=file:///etc/passwd")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.opa.url"));
	}

	@Test
	void unescapedVariableInAnyCaseOrFromTheEnvironmentStopsTheStartUp() {
		this.runner
			.withPropertyValues("aws.auth.authorization.policies[ROLE_partner][0]="
					+ POLICY.replace("GET/api/*", "GET/api/${AWS:username}/*"))
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.policies[ROLE_partner][0]"));
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("AWS_AUTH_AUTHORIZATION_POLICIES_PARTNER_0_",
								POLICY.replace("GET/api/*", "GET/api/${aws:username}/*")))))
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.startsWith("aws.auth.authorization.policies"));
	}

	@Test
	void negativeDecisionCacheTtlStopsTheStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.authorization.opa.url=http://localhost:8181/v1/data/http/authz",
					"aws.auth.authorization.opa.cache-ttl=-1s")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.opa.cache-ttl"));
		this.runner
			.withPropertyValues("aws.auth.authorization.verified-permissions.policy-store-id=PSEXAMPLEabcdefg111111",
					"aws.auth.authorization.verified-permissions.region=eu-west-1",
					"aws.auth.authorization.verified-permissions.cache-ttl=-1s")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.verified-permissions.cache-ttl"));
	}

	@Test
	void opaHeaderThatCarriesACredentialStopsTheStartUp() {
		this.runner
			.withPropertyValues("aws.auth.authorization.opa.url=http://localhost:8181/v1/data/http/authz",
					"aws.auth.authorization.opa.headers=x-tenant,Authorization")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.opa.headers[1]"));
		this.runner
			.withPropertyValues("aws.auth.api-keys.enabled=true", "aws.auth.api-keys.keys[0].id=a",
					"aws.auth.api-keys.keys[0].sha256=" + MachineMechanismsConfigurationTests.SHA256,
					"aws.auth.authorization.opa.url=http://localhost:8181/v1/data/http/authz",
					"aws.auth.authorization.opa.headers=X-Api-Key")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.as("a mechanism's credential header")
				.isEqualTo("aws.auth.authorization.opa.headers[0]"));
	}

	@Test
	void verifiedPermissionsWithoutItsSdkStopsTheStartUp() {
		this.runner.withClassLoader(new FilteredClassLoader(VerifiedPermissionsClient.class))
			.withPropertyValues("aws.auth.authorization.verified-permissions.policy-store-id=PSEXAMPLEabcdefg111111")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.authorization.verified-permissions.policy-store-id"));
	}

}
