package io.github.awsauth.jwt;

import java.util.List;

import io.github.awsauth.core.AwsAuthHandlers;
import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.RequestCredentials;
import io.github.awsauth.core.VerificationTimer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer JWTs in the chain: Spring Security's resource server with the decoder (the starter's
 * decoder of the trusted issuers, or the application's own), whose tokens become
 * {@code AwsPrincipal}s, RFC 6750 errors with the starter's problem body, and the {@code Bearer}
 * challenge. A bearer token that another mechanism claims (an IAM token {@code k8s-aws-v1.…}) is not
 * read as a JWT.
 */
public final class JwtSecurityContribution implements AwsAuthSecurityContribution, RequestCredential {

	private final JwtDecoder decoder;

	private final BearerTokenResolver tokens;

	private final AwsJwtAuthenticationConverter converter;

	/**
	 * Create the contribution.
	 * @param decoder decodes and validates bearer tokens
	 * @param tokens finds the bearer token of a request
	 * @param converter makes an {@code AwsPrincipal} of a validated token
	 */
	public JwtSecurityContribution(JwtDecoder decoder, BearerTokenResolver tokens,
			AwsJwtAuthenticationConverter converter) {
		this.decoder = (decoder instanceof SanitizingJwtDecoder) ? decoder : new SanitizingJwtDecoder(decoder);
		this.tokens = tokens;
		this.converter = converter;
	}

	@Override
	public List<String> challenges() {
		return List.of("Bearer");
	}

	@Override
	public RequestCredential credential() {
		return this;
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.JWT;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(HttpHeaders.AUTHORIZATION);
	}

	/** A request carries a bearer token when the resolver finds one, or finds a malformed one. */
	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		try {
			return JwtOnlyBearerTokenResolver.resolveAndKeep(this.tokens, request) != null;
		}
		catch (OAuth2AuthenticationException ex) {
			return true;
		}
	}

	@Override
	public boolean yieldsToOtherClaims() {
		return true;
	}

	@Override
	public void init(HttpSecurity http, AwsAuthHandlers handlers) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		BearerTokenProblems problems = new BearerTokenProblems(handlers, context);
		VerificationTimer timer = context.getBeanProvider(VerificationTimer.class)
			.getIfUnique(() -> VerificationTimer.NONE);
		JwtDecoder timed = (token) -> timer.time(Mechanism.JWT, () -> this.decoder.decode(token));
		RequestMatcher bearerJwt = RequestCredentials.of(Mechanism.JWT);
		http.exceptionHandling((exceptions) -> exceptions.defaultAccessDeniedHandlerFor(problems, bearerJwt)
			.defaultAuthenticationEntryPointFor(problems, bearerJwt));
		// the failure handler answers every failure, so a key server that is down is answered 503 by
		// the starter's entry point, not rethrown as a 500
		http.oauth2ResourceServer((resourceServer) -> resourceServer
			.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {

				@Override
				public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(problems);
					return filter;
				}

			})
			.authenticationEntryPoint(problems)
			.accessDeniedHandler(problems)
			.bearerTokenResolver(new JwtOnlyBearerTokenResolver(this.tokens))
			.jwt((jwt) -> jwt.decoder(timed).jwtAuthenticationConverter(this.converter)));
	}

}
