package io.github.awsauth.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.SecurityFilterChain;

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
@Import({ JwtAuthenticationConfiguration.class, AuthorizationConfiguration.class, WebSecurityConfiguration.class,
		MethodSecurityConfiguration.class, ClientConfiguration.class, LoginConfiguration.class,
		SigV4Configuration.class, IamConfiguration.class, AlbConfiguration.class,
		MechanismFiltersConfiguration.class, CrossOriginConfiguration.class })
public final class AwsAuthAutoConfiguration {

	@Bean
	static UnknownPropertiesCheck awsAuthUnknownPropertiesCheck() {
		return new UnknownPropertiesCheck();
	}

}
