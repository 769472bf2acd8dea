package io.github.awsauth.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.awsauth.authz.AuthorityPolicies;
import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.authz.PolicyAuthorizer;
import io.github.awsauth.authz.PolicyDocument;
import io.github.awsauth.authz.PolicyProvider;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The policy authorizer: policies attached to authorities from {@code aws.auth.authorization.policies}
 * and {@code policy-locations}, or the application's own {@link PolicyProvider}.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final String POLICIES = "aws.auth.authorization.policies";

	private static final String LOCATIONS = "aws.auth.authorization.policy-locations";

	/** A policy variable that Spring would resolve as a placeholder: {@code ${aws:…}} not escaped. */
	private static final Pattern UNESCAPED_VARIABLE = Pattern.compile("(?<!\\\\)\\$\\{\\s*(aws|awsauth):",
			Pattern.CASE_INSENSITIVE);

	private static final ConfigurationPropertyName POLICIES_NAME = ConfigurationPropertyName.of(POLICIES);

	@Bean
	@ConditionalOnMissingBean(PolicyProvider.class)
	@Conditional(PoliciesConfigured.class)
	AuthorityPolicies awsAuthorityPolicies(AwsAuthProperties properties, Environment environment,
			ResourcePatternResolver resources) {
		checkVariablesEscaped(environment);
		AuthorizationProperties authorization = properties.getAuthorization();
		Map<String, List<PolicyDocument>> byAuthority = new LinkedHashMap<>();
		authorization.getPolicies().forEach((authority, policies) -> {
			for (int i = 0; i < policies.size(); i++) {
				String property = POLICIES + "[" + authority + "][" + i + "]";
				byAuthority.computeIfAbsent(authority, (a) -> new ArrayList<>()).add(parse(property, policies.get(i)));
			}
		});
		List<String> locations = authorization.getPolicyLocations();
		for (int i = 0; i < locations.size(); i++) {
			String property = LOCATIONS + "[" + i + "]";
			for (Resource resource : resources(resources, property, locations.get(i))) {
				String name = resource.getFilename();
				String authority = (name != null && name.endsWith(".json")) ? name.substring(0, name.length() - 5)
						: name;
				byAuthority.computeIfAbsent(authority, (a) -> new ArrayList<>())
					.add(parse(property + " (" + name + ")", read(property, resource)));
			}
		}
		return new AuthorityPolicies(byAuthority);
	}

	@Bean
	@ConditionalOnBean(PolicyProvider.class)
	@ConditionalOnMissingBean
	PolicyAuthorizer awsPolicyAuthorizer(PolicyProvider provider, AwsAuthProperties properties) {
		AuthorizationProperties authorization = properties.getAuthorization();
		return new PolicyAuthorizer(provider, authorization.getPolicyCacheTtl(), authorization.getPolicyCacheSize(),
				authorization.getPolicyProviderTimeout(), Clock.systemUTC());
	}

	private static PolicyDocument parse(String property, String json) {
		try {
			return PolicyDocument.parse(json);
		}
		catch (IllegalArgumentException ex) {
			throw new AwsAuthConfigurationException(property, "not an IAM policy: " + ex.getMessage(),
					"Give one policy document as JSON text per list element. In a .properties file, name the "
							+ "element by its index (" + POLICIES + "[ROLE_partner][0]={...}): without one, the "
							+ "text is cut at its commas.");
		}
	}

	private static Resource[] resources(ResourcePatternResolver resolver, String property, String location) {
		try {
			Resource[] found = resolver.getResources(location);
			if (found.length == 0) {
				throw new AwsAuthConfigurationException(property, "no policy file at '" + location + "'",
						"Point it at policy files, one JSON policy each, named after their authority, such as "
								+ "classpath:policies/*.json holding ROLE_partner.json.");
			}
			return found;
		}
		catch (IOException ex) {
			throw new AwsAuthConfigurationException(property, "'" + location + "' cannot be read",
					"Point it at readable policy files, such as classpath:policies/*.json.");
		}
	}

	private static String read(String property, Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AwsAuthConfigurationException(property, resource.getDescription() + " cannot be read",
					"Point it at readable policy files.");
		}
	}

	/**
	 * Refuse {@code ${aws:username}} written without its escape: by the time the policy is bound,
	 * Spring has resolved it as a placeholder ({@code aws} with the default {@code username}), and
	 * the policy would name the literal user "username".
	 */
	static void checkVariablesEscaped(Environment environment) {
		// every source, environment variables too, under the names Boot binds them by
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.filter(POLICIES_NAME::isAncestorOf).forEach((name) -> {
				ConfigurationProperty property = iterable.getConfigurationProperty(name);
				if (property != null && property.getValue() instanceof CharSequence raw
						&& UNESCAPED_VARIABLE.matcher(raw).find()) {
					throw new AwsAuthConfigurationException(name.toString(),
							"a policy variable ${aws:...} would be resolved as a Spring property placeholder",
							"Escape it as \\${aws:username}, or load the policy from " + LOCATIONS
									+ " (classpath:policies/*.json), which is not resolved.");
				}
			});
		}
	}

	/** Policies are set in properties or resources. */
	static final class PoliciesConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean policies = binder.bind(POLICIES, Bindable.mapOf(String.class, String[].class))
				.map((map) -> !map.isEmpty())
				.orElse(false);
			boolean locations = binder.bind(LOCATIONS, Bindable.listOf(String.class))
				.map((list) -> !list.isEmpty())
				.orElse(false);
			return (policies || locations) ? ConditionOutcome.match("policies are configured")
					: ConditionOutcome.noMatch("no policies are configured");
		}

	}

}
