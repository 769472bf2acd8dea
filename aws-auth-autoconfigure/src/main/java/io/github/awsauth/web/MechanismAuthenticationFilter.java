package io.github.awsauth.web;

import java.io.IOException;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AuthenticationFailures;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.UnverifiedCredential;
import io.github.awsauth.core.VerificationTimer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request with one request-credential mechanism, statelessly: the result lives in
 * the request, never in the HTTP session, and an existing session is left exactly as it was (Spring's
 * {@code AuthenticationFilter} changes the session id on every success, which breaks concurrent
 * requests of a browser behind an ALB). A failure is noted ({@link AuthenticationFailures}),
 * published as an {@link AwsAuthenticationFailureEvent}, answered by the entry point and ends the
 * request; a request without this mechanism's credential passes untouched. The verification is a
 * {@link VerificationTimer}.
 */
final class MechanismAuthenticationFilter extends OncePerRequestFilter {

	private final Mechanism mechanism;

	private final AuthenticationManager authentications;

	private final AuthenticationConverter converter;

	private final AuthenticationEntryPoint entryPoint;

	private final ApplicationEventPublisher events;

	private final VerificationTimer timer;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	private final String alreadyFiltered;

	MechanismAuthenticationFilter(Mechanism mechanism, AuthenticationManager authentications,
			AuthenticationConverter converter, AuthenticationEntryPoint entryPoint, ApplicationEventPublisher events,
			VerificationTimer timer) {
		this.mechanism = mechanism;
		this.events = events;
		this.timer = timer;
		this.alreadyFiltered = MechanismAuthenticationFilter.class.getName() + "." + mechanism.id() + ".FILTERED";
		this.authentications = authentications;
		this.converter = converter;
		this.entryPoint = entryPoint;
	}

	/** One filter per mechanism: each must run, so each has its own once-per-request marker. */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return this.alreadyFiltered;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authenticated;
		Authentication credential = null;
		try {
			credential = this.converter.convert(request);
			if (credential == null) {
				chain.doFilter(request, response);
				return;
			}
			Authentication found = credential;
			authenticated = this.timer.time(this.mechanism, () -> this.authentications.authenticate(found));
		}
		catch (AuthenticationException ex) {
			this.contexts.clearContext();
			AuthenticationFailureReason reason = AuthenticationFailureReason.of(ex);
			AuthenticationFailures.note(request, this.mechanism, reason, ex);
			this.events.publishEvent(new AwsAuthenticationFailureEvent(
					(credential != null) ? credential : UnverifiedCredential.unread(this.mechanism), ex,
					this.mechanism, reason));
			this.entryPoint.commence(request, response, ex);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authenticated);
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
		chain.doFilter(request, response);
	}

}
