package io.github.awsauth.web;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AuthenticationFailures;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.RequestCredentials;
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
 * Authenticates a request with the request-credential mechanism whose credential it carries, as
 * {@link SingleCredentialFilter} found it ({@link RequestCredentials}), statelessly: the result
 * lives in the request, never in the HTTP session, and an existing session is left exactly as it
 * was (Spring's {@code AuthenticationFilter} changes the session id on every success, which breaks
 * concurrent requests of a browser behind an ALB). A failure is noted
 * ({@link AuthenticationFailures}), published as an {@link AwsAuthenticationFailureEvent}, answered
 * by the entry point and ends the request; a request without the credential of any of these
 * mechanisms passes untouched. One filter serves every mechanism: a request carries one
 * credential, and each filter of a chain costs every request its observation events. The
 * verification is a {@link VerificationTimer}.
 */
final class MechanismAuthenticationFilter extends OncePerRequestFilter {

	private static final String ALREADY_FILTERED = MechanismAuthenticationFilter.class.getName() + ".FILTERED";

	private final Map<RequestCredential, AuthenticationConverter> converters;

	private final AuthenticationManager authentications;

	private final AuthenticationEntryPoint entryPoint;

	private final ApplicationEventPublisher events;

	private final VerificationTimer timer;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	/**
	 * Create the filter.
	 * @param converters the converter of each mechanism this filter authenticates, by the mechanism
	 * @param authentications verifies what a converter found
	 * @param entryPoint answers a failure
	 * @param events where failures are published
	 * @param timer times each verification
	 */
	MechanismAuthenticationFilter(Map<? extends RequestCredential, AuthenticationConverter> converters,
			AuthenticationManager authentications, AuthenticationEntryPoint entryPoint,
			ApplicationEventPublisher events, VerificationTimer timer) {
		this.converters = Collections.unmodifiableMap(new IdentityHashMap<>(converters));
		this.authentications = authentications;
		this.entryPoint = entryPoint;
		this.events = events;
		this.timer = timer;
	}

	/**
	 * One marker for every chain's filter: a request forwarded to another chain was authenticated
	 * by the first.
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return ALREADY_FILTERED;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestCredential carried = RequestCredentials.credential(request);
		AuthenticationConverter converter = (carried != null) ? this.converters.get(carried) : null;
		if (converter == null) {
			chain.doFilter(request, response);
			return;
		}
		Mechanism mechanism = carried.mechanism();
		Authentication authenticated;
		Authentication credential = null;
		try {
			credential = converter.convert(request);
			if (credential == null) {
				chain.doFilter(request, response);
				return;
			}
			Authentication found = credential;
			authenticated = this.timer.time(mechanism, () -> this.authentications.authenticate(found));
		}
		catch (AuthenticationException ex) {
			this.contexts.clearContext();
			AuthenticationFailureReason reason = AuthenticationFailureReason.of(ex);
			AuthenticationFailures.note(request, mechanism, reason, ex);
			this.events.publishEvent(new AwsAuthenticationFailureEvent(
					(credential != null) ? credential : UnverifiedCredential.unread(mechanism), ex, mechanism, reason));
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
