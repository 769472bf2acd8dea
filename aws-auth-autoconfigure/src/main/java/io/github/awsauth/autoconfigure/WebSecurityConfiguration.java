package io.github.awsauth.autoconfigure;

import io.github.awsauth.authz.RouteRules;
import io.github.awsauth.web.AwsAuthConfigurer;

import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain used when the application defines none: {@link AwsAuthConfigurer} plus the
 * route rules. Without browser sign-in it is stateless: no mechanism keeps a session, so there is
 * no session cookie for a cross-site request to ride on and CSRF protection has nothing to
 * protect. With browser sign-in, CSRF protection stays on for the session; requests that carry
 * their own credential are exempt ({@link AwsAuthConfigurer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDefaultWebSecurity
@EnableWebSecurity
class WebSecurityConfiguration {

	@Bean
	@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
	SecurityFilterChain awsAuthSecurityFilterChain(HttpSecurity http, RouteRules routeRules,
			AwsAuthProperties properties) throws Exception {
		http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
		http.authorizeHttpRequests(routeRules::apply);
		if (!properties.getLogin().isEnabled()) {
			// stateless: a session the application opened for its own reasons is neither used nor renamed
			http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation((fixation) -> fixation.none()));
			http.csrf((csrf) -> csrf.disable());
		}
		return http.build();
	}

}
