package io.github.awsauth.jwt;

import java.io.IOException;
import java.text.ParseException;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AuthenticationFailures;
import io.github.awsauth.core.AwsAuthHandlers;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.ProblemResponse;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;

/**
 * The answers of RFC 6750 for bearer tokens, with the starter's problem body: a rejected token is a
 * 401 whose {@code Bearer} challenge carries the error code and a description, a token without the
 * needed scope a 403 with {@code insufficient_scope}. A failure that is not a bearer-token error (a
 * key server that is down) and a denial with a more precise reason (a failed owner check, which no
 * scope would help) are answered by the starter's handlers.
 * <p>
 * Every refused token is noted ({@link AuthenticationFailures}). A token the authentication
 * manager refused is published as a failure event by the manager's publisher (the starter's
 * publishes it without the token); one that could not even be read from the request (two tokens,
 * an oversized one) is published here as an {@link AwsAuthenticationFailureEvent}.
 */
final class BearerTokenProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler {

	private final AwsAuthHandlers handlers;

	private final ApplicationEventPublisher events;

	BearerTokenProblems(AwsAuthHandlers handlers, ApplicationEventPublisher events) {
		this.handlers = handlers;
		this.events = events;
	}

	/** A token the authentication manager refused. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		AuthenticationFailures.note(request, Mechanism.JWT, JwtFailureReasons.of(exception), exception);
		answer(request, response, exception);
	}

	/** A token that could not be read, or a request the resolver found no token on. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof OAuth2AuthenticationException) {
			AuthenticationFailureReason reason = JwtFailureReasons.of(exception);
			AuthenticationFailures.note(request, Mechanism.JWT, reason, exception);
			this.events.publishEvent(new AwsAuthenticationFailureEvent(UnverifiedCredential.unread(Mechanism.JWT),
					exception, Mechanism.JWT, reason));
		}
		answer(request, response, exception);
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		if (exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError() instanceof BearerTokenError error) {
			String description = describe(exception, error);
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.getErrorCode()
					+ "\", error_description=\"" + headerSafe(description) + "\"");
			ProblemResponse.write(request, response, HttpStatus.valueOf(error.getHttpStatus().value()), description,
					AuthenticationFailures.decisionId(request));
			return;
		}
		this.handlers.authenticationEntryPoint().commence(request, response, exception);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		if (AccessDenials.scopeMightHelp(request)) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		}
		this.handlers.accessDeniedHandler().handle(request, response, exception);
	}

	private static String describe(AuthenticationException exception, BearerTokenError error) {
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ParseException) {
				return "Malformed token";
			}
		}
		return StringUtils.hasText(error.getDescription()) ? error.getDescription() : "Invalid token";
	}

	/** RFC 6750 §3: error_description is limited to printable ASCII without '"' and '\'. */
	private static String headerSafe(String description) {
		StringBuilder safe = new StringBuilder(description.length());
		description.chars()
			.filter((c) -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')
			.forEach((c) -> safe.append((char) c));
		return safe.toString();
	}

}
