package io.github.awsauth.web;

import java.util.List;

import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.SanitizingJwtDecoder;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The DSL that adds the starter's authentication to a {@code SecurityFilterChain}:
 * <pre class="code">
 * http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
 * </pre>
 * It installs Spring Security's bearer-token resource server with the {@link JwtDecoder} bean (the
 * starter's decoder of the trusted issuers of {@code aws.auth.jwt}, or the application's own),
 * whose tokens become {@code AwsPrincipal}s, and the starter's 401 and 403 responses. Authorization
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
		JwtDecoder decoder = context.getBeanProvider(JwtDecoder.class).getIfUnique();
		if (decoder == null) {
			return;
		}
		JwtDecoder safeDecoder = (decoder instanceof SanitizingJwtDecoder) ? decoder : new SanitizingJwtDecoder(decoder);
		AwsJwtAuthenticationConverter converter = context.getBean(AwsJwtAuthenticationConverter.class);
		http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied)
			.jwt((jwt) -> jwt.decoder(safeDecoder).jwtAuthenticationConverter(converter)));
	}

}
