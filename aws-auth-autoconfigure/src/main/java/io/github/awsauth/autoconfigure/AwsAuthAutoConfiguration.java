package io.github.awsauth.autoconfigure;

import java.time.Clock;

import java.util.Locale;

import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.web.FastHeaderCheckFirewall;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Auto-configuration of aws-auth-spring-boot-starter for servlet applications. Runs before Spring
 * Boot's security auto-configurations so that Boot's default filter chain, generated user and
 * resource-server decoder back off when the starter provides them.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(AwsAuthProperties.class)
@Import({ JwtAuthenticationConfiguration.class, JwtSecurityConfiguration.class, AuthorizationConfiguration.class, WebSecurityConfiguration.class,
		MethodSecurityConfiguration.class, ClientConfiguration.class, LoginConfiguration.class,
		SigV4Configuration.class, IamConfiguration.class, AlbConfiguration.class, InstanceIdentityConfiguration.class,
		MtlsConfiguration.class, ApiKeyConfiguration.class,
		MechanismFiltersConfiguration.class, CrossOriginConfiguration.class,
		AuthenticationEventsConfiguration.class, HealthConfiguration.class, EndpointConfiguration.class,
		SharedCacheConfiguration.class })
public final class AwsAuthAutoConfiguration {

	private static final Log logger = LogFactory.getLog(AwsAuthAutoConfiguration.class);

	/** The upstreams the mechanisms call, whose health the health support reports. */
	@Bean
	@ConditionalOnMissingBean
	Upstreams awsAuthUpstreams() {
		return new Upstreams(Clock.systemUTC());
	}

	/** The caches of the mechanisms, whose statistics the endpoint and the metrics report. */
	@Bean
	@ConditionalOnMissingBean
	Caches awsAuthCaches() {
		return new Caches();
	}

	@Bean
	static UnknownPropertiesCheck awsAuthUnknownPropertiesCheck() {
		return new UnknownPropertiesCheck();
	}

	/**
	 * Spring Security's strict firewall, as strict, with header checks that skip the regular
	 * expression for printable ASCII; an application's own {@code HttpFirewall} is used instead.
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	FastHeaderCheckFirewall awsAuthHttpFirewall() {
		return new FastHeaderCheckFirewall();
	}

	@Bean
	@ConditionalOnMissingBean
	CryptoProvider awsCryptoProvider(AwsAuthProperties properties, ApplicationContext context) {
		CryptoProvider.Choice choice = properties.getCrypto().getProvider();
		try {
			CryptoProvider crypto = CryptoProvider.of(choice, context.getClassLoader());
			logger.debug("Verifying signatures with " + crypto.name() + " (aws.auth.crypto.provider: "
					+ choice.name().toLowerCase(Locale.ROOT) + ")");
			return crypto;
		}
		catch (IllegalStateException ex) {
			throw new AwsAuthConfigurationException("aws.auth.crypto.provider", ex.getMessage(),
					"Add software.amazon.cryptools:AmazonCorrettoCryptoProvider with the classifier of this platform "
							+ "(linux-x86_64, linux-aarch_64), or set aws.auth.crypto.provider to auto or jdk.");
		}
	}

	@Bean
	TrustedIssuers awsTrustedIssuers(AwsAuthProperties properties) {
		return TrustedIssuers.from(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ClaimAuthorities awsClaimAuthorities(AwsAuthProperties properties) {
		JwtProperties jwt = properties.getJwt();
		return new ClaimAuthorities(jwt.getGroupsClaim(), jwt.getGroupAuthorityPrefix(), jwt.getScopeAuthorityPrefix());
	}

	/** A service that can authenticate nobody starts, but says so: every request will get a 401. */
	@Bean
	SmartInitializingSingleton awsAuthNoMechanismWarning(AwsAuthProperties properties, TrustedIssuers issuers,
			ApplicationContext context) {
		return () -> {
			boolean ownDecoder = context.getBeanNamesForType(JwtDecoder.class).length > 0
					&& !context.containsBean("awsJwtDecoder");
			boolean none = issuers.list().isEmpty() && !ownDecoder && !properties.getLogin().isEnabled()
					&& context.getBeanNamesForType(AwsAuthenticationMechanism.class).length == 0;
			if (none) {
				logger.warn("aws-auth: no authentication mechanism is configured, so every request outside "
						+ "aws.auth.authorization.public-paths is refused with 401. Configure one: aws.auth.cognito, "
						+ "aws.auth.jwt.issuers, aws.auth.login, aws.auth.alb, aws.auth.iam, aws.auth.sigv4, "
						+ "aws.auth.instance-identity, aws.auth.mtls or aws.auth.api-keys.");
			}
		};
	}

}
