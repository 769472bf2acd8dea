package io.github.awsauth.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.awsauth.core.AwsAuthHandlers;
import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.RequestCredentials;
import io.github.awsauth.core.VerificationTimer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The DSL that adds the starter's authentication to a {@code SecurityFilterChain}:
 * <pre class="code">
 * http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
 * </pre>
 * It installs
 * <ul>
 * <li>one stateless authentication filter for the {@link AwsAuthenticationMechanism} beans (ALB,
 * IAM, SigV4, …), which authenticates a request with the mechanism whose credential it carries;
 * their providers join the chain's {@code AuthenticationManager};</li>
 * <li>what each {@link AwsAuthSecurityContribution} bean adds: the resource server for bearer
 * JWTs, oauth2Login for browser sign-in, the ALB's logout;</li>
 * <li>one credential per request: a request with a credential header twice, or the credentials of
 * two mechanisms, is refused (400); a request with a credential is authenticated by it or refused,
 * never by a session, and, when the credential is in a header, is exempt from CSRF protection
 * (which stays the application's choice for everything else);</li>
 * <li>CORS with the application's {@code CorsConfigurationSource} bean (or that of
 * {@code aws.auth.cors}), so preflights are answered before authentication ({@link #cors(boolean)}
 * turns this off);</li>
 * <li>the starter's 400/401/403/413/503 problem responses, registered as defaults: an entry point
 * or access-denied handler the application sets on the chain is left alone.</li>
 * </ul>
 * Authorization rules stay the application's; the auto-configured chain adds those of
 * {@code aws.auth.authorization}.
 */
public final class AwsAuthConfigurer extends AbstractHttpConfigurer<AwsAuthConfigurer, HttpSecurity> {

	private static final String MVC_INTROSPECTOR = "org.springframework.web.servlet.handler.HandlerMappingIntrospector";

	private final Set<Mechanism> accepted = EnumSet.allOf(Mechanism.class);

	private boolean cors = true;

	private List<AwsAuthenticationMechanism> mechanisms = List.of();

	private List<AwsAuthSecurityContribution> contributions = List.of();

	private @Nullable AwsAuthHandlers handlers;

	private AwsAuthConfigurer() {
	}

	/**
	 * Create the configurer.
	 * @return a new configurer
	 */
	public static AwsAuthConfigurer awsAuth() {
		return new AwsAuthConfigurer();
	}

	/**
	 * Accept only some of the configured mechanisms on this chain, for example machines only on a
	 * chain for {@code /internal/**}: {@code mechanisms(Mechanism.IAM, Mechanism.SIGV4)}. By
	 * default a chain accepts every configured mechanism.
	 * @param mechanisms the mechanisms this chain accepts
	 * @return this configurer
	 */
	public AwsAuthConfigurer mechanisms(Mechanism... mechanisms) {
		this.accepted.clear();
		this.accepted.addAll(List.of(mechanisms));
		return this;
	}

	/**
	 * Whether to apply CORS with the application's {@code CorsConfigurationSource} bean (default
	 * {@code true}); a chain that sets its own CORS source turns this off, or the bean's replaces it.
	 * @param cors whether to apply it
	 * @return this configurer
	 */
	public AwsAuthConfigurer cors(boolean cors) {
		this.cors = cors;
		return this;
	}

	@Override
	public void init(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		this.mechanisms = context.getBeanProvider(AwsAuthenticationMechanism.class)
			.orderedStream()
			.filter((mechanism) -> this.accepted.contains(mechanism.mechanism()))
			.toList();
		this.contributions = context.getBeanProvider(AwsAuthSecurityContribution.class)
			.orderedStream()
			.filter((contribution) -> this.accepted.contains(contribution.mechanism()))
			.toList();
		checkMechanismsOwnTheirCredentials();
		AwsAuthHandlers handlers = new AwsAuthHandlers(new AwsAuthenticationEntryPoint(challenges()),
				new AwsAccessDeniedHandler());
		this.handlers = handlers;
		for (AwsAuthSecurityContribution contribution : this.contributions) {
			contribution.init(http, handlers);
		}
		// after the contributions' defaults, so theirs win for the requests they own
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(handlers.authenticationEntryPoint(), AnyRequestMatcher.INSTANCE)
			.defaultAccessDeniedHandlerFor(handlers.accessDeniedHandler(), AnyRequestMatcher.INSTANCE));
		CorsConfigurationSource corsSource = corsConfigurationSource(context);
		if (this.cors && corsSource != null) {
			// preflights are answered before any authentication, and carry no credential
			http.cors((configurer) -> configurer.configurationSource(corsSource));
		}
		@SuppressWarnings("unchecked")
		CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
		if (csrf != null) {
			// A cross-site form cannot set a credential header, and a request that carries one is
			// authenticated by it or refused: it never rides on the session.
			csrf.ignoringRequestMatchers(RequestCredentials.inHeader());
		}
		for (AwsAuthenticationMechanism mechanism : this.mechanisms) {
			http.authenticationProvider(postProcess(mechanism.provider()));
		}
	}

	@Override
	public void configure(HttpSecurity http) {
		AwsAuthHandlers handlers = this.handlers;
		if (handlers == null) {
			throw new IllegalStateException("init was not called");
		}
		for (AwsAuthSecurityContribution contribution : this.contributions) {
			contribution.configure(http, handlers);
		}
		http.addFilterBefore(postProcess(new SingleCredentialFilter(credentials())), CsrfFilter.class);
		AuthenticationManager authentications = http.getSharedObject(AuthenticationManager.class);
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		VerificationTimer timer = context.getBeanProvider(VerificationTimer.class)
			.getIfUnique(() -> VerificationTimer.NONE);
		Map<AwsAuthenticationMechanism, AuthenticationConverter> converters = new IdentityHashMap<>();
		this.mechanisms.forEach((mechanism) -> converters.put(mechanism, mechanism.converter()));
		if (!converters.isEmpty()) {
			http.addFilterBefore(postProcess(new MechanismAuthenticationFilter(converters, authentications,
					handlers.authenticationEntryPoint(), context, timer)), BearerTokenAuthenticationFilter.class);
		}
	}

	/** A mechanism bean for a credential a contribution reads would have it verified twice. */
	private void checkMechanismsOwnTheirCredentials() {
		for (AwsAuthSecurityContribution contribution : this.contributions) {
			RequestCredential credential = contribution.credential();
			for (AwsAuthenticationMechanism mechanism : this.mechanisms) {
				if (credential != null && mechanism.mechanism() == credential.mechanism()) {
					throw new IllegalStateException("The AwsAuthenticationMechanism bean "
							+ mechanism.getClass().getName() + " is for mechanism " + mechanism.mechanism()
							+ ", whose credential " + contribution.getClass().getName()
							+ " reads: a credential has one mechanism");
				}
			}
		}
	}

	private List<String> challenges() {
		List<String> challenges = new ArrayList<>();
		this.contributions.forEach((contribution) -> challenges.addAll(contribution.challenges()));
		this.mechanisms.forEach((mechanism) -> challenges.add(mechanism.challenge()));
		return challenges;
	}

	private List<RequestCredential> credentials() {
		List<RequestCredential> credentials = new ArrayList<>(this.mechanisms);
		for (AwsAuthSecurityContribution contribution : this.contributions) {
			RequestCredential credential = contribution.credential();
			if (credential != null) {
				credentials.add(credential);
			}
		}
		return credentials;
	}

	/** The application's (or aws.auth.cors's) source; Spring MVC's introspector is not one. */
	private static @Nullable CorsConfigurationSource corsConfigurationSource(ApplicationContext context) {
		List<CorsConfigurationSource> sources = context.getBeanProvider(CorsConfigurationSource.class)
			.orderedStream()
			.filter((source) -> !source.getClass().getName().equals(MVC_INTROSPECTOR))
			.toList();
		return (sources.size() == 1) ? sources.get(0) : null;
	}

}
