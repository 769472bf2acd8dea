package io.github.awsauth.web;

import java.util.List;

import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.IssuerJwtDecoder;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * The DSL that adds the starter's authentication to a {@code SecurityFilterChain}:
 * <pre class="code">
 * http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
 * </pre>
 * It installs Spring Security's bearer-token resource server with the trusted issuers of
 * {@code aws.auth.jwt} (or the application's own {@link JwtDecoder} bean, whose tokens then
 * still become {@code AwsPrincipal}s), and the starter's 401 and 403 responses. Authorization
 * rules stay the application's; the auto-configured chain adds those of
 * {@code aws.auth.authorization}.
 */
public final class AwsAuthConfigurer extends AbstractHttpConfigurer<AwsAuthConfigurer, HttpSecurity> {

	private AwsAuthConfigurer() {
	}

	/**
	 * Create the configurer.
	 * @return a new configurer
	 */
	public static AwsAuthConfigurer awsAuth() {
		return new AwsAuthConfigurer();
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		AwsAuthenticationEntryPoint entryPoint = new AwsAuthenticationEntryPoint(List.of("Bearer"));
		AwsAccessDeniedHandler accessDenied = new AwsAccessDeniedHandler();
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied));
		JwtDecoder applicationDecoder = context.getBeanProvider(JwtDecoder.class).getIfUnique();
		JwtIssuerAuthenticationManagerResolver issuers = context
			.getBeanProvider(JwtIssuerAuthenticationManagerResolver.class)
			.getIfUnique();
		if (applicationDecoder == null && issuers == null) {
			return;
		}
		http.oauth2ResourceServer((resourceServer) -> {
			resourceServer.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied);
			if (applicationDecoder != null) {
				AwsJwtAuthenticationConverter converter = context.getBean(AwsJwtAuthenticationConverter.class);
				resourceServer.jwt((jwt) -> jwt.decoder(new IssuerJwtDecoder(applicationDecoder))
					.jwtAuthenticationConverter(converter));
			}
			else {
				resourceServer.authenticationManagerResolver(issuers);
			}
		});
	}

}
