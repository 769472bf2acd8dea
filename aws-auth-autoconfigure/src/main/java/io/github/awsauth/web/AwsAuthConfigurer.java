package io.github.awsauth.web;

import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.alb.AlbLogoutSuccessHandler;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.SanitizingJwtDecoder;
import io.github.awsauth.login.BrowserLogin;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The DSL that adds the starter's authentication to a {@code SecurityFilterChain}:
 * <pre class="code">
 * http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
 * </pre>
 * It installs
 * <ul>
 * <li>browser sign-in with Spring Security's oauth2Login when {@code aws.auth.login.enabled}: users
 * become {@code AwsPrincipal}s with mechanism {@code login}, sign-out also ends the identity
 * provider's session, and API calls without a session get 401 instead of a redirect;</li>
 * <li>one authentication filter per {@link AwsAuthenticationMechanism} bean (SigV4, IAM, …),
 * stateless, before the bearer-token filter;</li>
 * <li>Spring Security's bearer-token resource server with the {@link JwtDecoder} bean (the
 * starter's decoder of the trusted issuers of {@code aws.auth.jwt}, or the application's own),
 * whose tokens become {@code AwsPrincipal}s;</li>
 * <li>one credential per request: a request with a credential header twice, or the credentials of
 * two mechanisms, is refused (400); a request with a credential is authenticated by it or refused,
 * never by a session, and is exempt from CSRF protection (which stays the application's choice
 * for everything else);</li>
 * <li>CORS with the application's {@code CorsConfigurationSource} bean (or that of
 * {@code aws.auth.cors}), so preflights are answered before authentication;</li>
 * <li>the starter's 400/401/403/413/503 problem responses.</li>
 * </ul>
 * Authorization rules stay the application's; the auto-configured chain adds those of
 * {@code aws.auth.authorization}.
 */
public final class AwsAuthConfigurer extends AbstractHttpConfigurer<AwsAuthConfigurer, HttpSecurity> {

	private static final String BEARER = "Bearer";

	private static final String MVC_INTROSPECTOR = "org.springframework.web.servlet.handler.HandlerMappingIntrospector";

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
		List<AwsAuthenticationMechanism> mechanisms = context.getBeanProvider(AwsAuthenticationMechanism.class)
			.orderedStream()
			.toList();
		JwtDecoder decoder = context.getBeanProvider(JwtDecoder.class).getIfUnique();
		BearerTokenResolver tokens = (decoder != null) ? bearerTokenResolver(context) : null;
		AwsAuthenticationEntryPoint entryPoint = new AwsAuthenticationEntryPoint(challenges(decoder, mechanisms));
		AwsAccessDeniedHandler accessDenied = new AwsAccessDeniedHandler();
		AuthenticationEntryPoint unauthenticated = addSignInAndOut(http, context, entryPoint);
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthenticated)
			.accessDeniedHandler(accessDenied));
		CorsConfigurationSource cors = corsConfigurationSource(context);
		if (cors != null) {
			// preflights are answered before any authentication, and carry no credential
			http.cors((configurer) -> configurer.configurationSource(cors));
		}
		http.addFilterBefore(new SingleCredentialFilter(mechanisms, (tokens != null) ? carriesToken(tokens) : null),
				CsrfFilter.class);
		@SuppressWarnings("unchecked")
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			// A cross-site form cannot set a credential header, and a request that carries one is
			// authenticated by it or refused: it never rides on the session.
			csrf.ignoringRequestMatchers(SingleCredentialFilter.carriesHeaderCredential());
		}
		for (AwsAuthenticationMechanism mechanism : mechanisms) {
			http.addFilterBefore(filter(mechanism, entryPoint), BearerTokenAuthenticationFilter.class);
		}
		if (decoder != null) {
			addBearerTokens(http, context, decoder, tokens, entryPoint, accessDenied);
		}
	}

	/** The application's (or aws.auth.cors's) source; Spring MVC's introspector is not one. */
	private static @Nullable CorsConfigurationSource corsConfigurationSource(ApplicationContext context) {
		List<CorsConfigurationSource> sources = context.getBeanProvider(CorsConfigurationSource.class)
			.orderedStream()
			.filter((source) -> !source.getClass().getName().equals(MVC_INTROSPECTOR))
			.toList();
		return (sources.size() == 1) ? sources.get(0) : null;
	}

	private static BearerTokenResolver bearerTokenResolver(ApplicationContext context) {
		return context.getBeanProvider(BearerTokenResolver.class).getIfUnique(DefaultBearerTokenResolver::new);
	}

	/** A request carries a bearer token when the resolver finds one, or finds a malformed one. */
	private static RequestMatcher carriesToken(BearerTokenResolver tokens) {
		return (request) -> {
			try {
				return tokens.resolve(request) != null;
			}
			catch (OAuth2AuthenticationException ex) {
				return true;
			}
		};
	}

	private static List<String> challenges(@Nullable JwtDecoder decoder, List<AwsAuthenticationMechanism> mechanisms) {
		List<String> challenges = new ArrayList<>();
		if (decoder != null) {
			challenges.add(BEARER);
		}
		mechanisms.forEach((mechanism) -> challenges.add(mechanism.challenge()));
		return challenges;
	}

	/**
	 * Browser sign-in and sign-out (or the ALB's sign-out); returns the entry point for requests
	 * without a credential: a redirect to sign-in for pages when browsers sign in, else the 401.
	 */
	private static AuthenticationEntryPoint addSignInAndOut(HttpSecurity http, ApplicationContext context,
			AwsAuthenticationEntryPoint entryPoint) {
		BrowserLogin login = browserLogin(context);
		if (login == null) {
			LogoutSuccessHandler albLogout = context.getBeanProvider(AlbLogoutSuccessHandler.class).getIfAvailable();
			if (albLogout != null) {
				http.logout((logout) -> logout.logoutSuccessHandler(albLogout));
			}
			return entryPoint;
		}
		http.oauth2Login((oauth2) -> oauth2.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(login.userService())));
		RequestCache requestCache = http.getSharedObject(RequestCache.class);
		if (requestCache == null || requestCache.getClass() == HttpSessionRequestCache.class) {
			// only page loads are remembered for after sign-in (as Spring's default: GET, no
			// favicon), and no API call, so an API call without a session creates none
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			HttpSessionRequestCache pages = new HttpSessionRequestCache();
			pages.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
					new NegatedRequestMatcher(paths.matcher("/favicon.*")),
					new NegatedRequestMatcher(paths.matcher("/error")),
					new NegatedRequestMatcher(login.apiRequests())));
			http.setSharedObject(RequestCache.class, pages);
		}
		http.logout((logout) -> logout.logoutSuccessHandler(login.logoutSuccessHandler()));
		return DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(entryPoint, login.apiRequests())
			.defaultEntryPoint(login.loginEntryPoint())
			.build();
	}

	private static void addBearerTokens(HttpSecurity http, ApplicationContext context, JwtDecoder decoder,
			BearerTokenResolver tokens, AwsAuthenticationEntryPoint entryPoint, AwsAccessDeniedHandler accessDenied) {
		JwtDecoder safeDecoder = (decoder instanceof SanitizingJwtDecoder) ? decoder : new SanitizingJwtDecoder(decoder);
		AwsJwtAuthenticationConverter converter = context.getBean(AwsJwtAuthenticationConverter.class);
		AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(entryPoint);
		// a key server that is down is answered 503 by the entry point, not rethrown as a 500
		failures.setRethrowAuthenticationServiceException(false);
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failures);
					return filter;
				}

			})
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied)
			.bearerTokenResolver(new JwtOnlyBearerTokenResolver(tokens))
			.jwt((jwt) -> jwt.decoder(safeDecoder).jwtAuthenticationConverter(converter)));
	}

	/** Browser sign-in, when it is on and Spring Security's OAuth2 client is on the class path. */
	private static @Nullable BrowserLogin browserLogin(ApplicationContext context) {
		if (!ClassUtils.isPresent("org.springframework.security.oauth2.client.registration.ClientRegistration",
				AwsAuthConfigurer.class.getClassLoader())) {
			return null;
		}
		return context.getBeanProvider(BrowserLogin.class).getIfAvailable();
	}

	private static MechanismAuthenticationFilter filter(AwsAuthenticationMechanism mechanism,
			AwsAuthenticationEntryPoint entryPoint) {
		return new MechanismAuthenticationFilter(mechanism.mechanism(), new ProviderManager(mechanism.provider()),
				mechanism.converter(), entryPoint);
	}

}
