package io.github.awsauth.web;

import java.io.IOException;
import java.util.List;

import io.github.awsauth.core.AuthenticationFailures;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request whose credential is missing or was rejected: 401 with a
 * {@code WWW-Authenticate} challenge per accepted scheme (or the 400, 403, 413 or 503 of an
 * {@link AwsAuthenticationException}, with {@code Retry-After} for a 503) and an RFC 9457 problem
 * body that says which check failed, never how the server is built.
 */
public final class AwsAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final List<String> schemes;

	/**
	 * Create an entry point.
	 * @param schemes the authentication schemes to challenge a caller without a credential with,
	 * for example {@code Bearer} and {@code AWS4-HMAC-SHA256}
	 */
	public AwsAuthenticationEntryPoint(List<String> schemes) {
		this.schemes = List.copyOf(schemes);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		AwsAuthenticationException rejected = awsFailure(exception);
		if (rejected != null) {
			if (rejected.getStatus() == HttpStatus.UNAUTHORIZED) {
				challenge(response);
			}
			if (rejected.getRetryAfter() != null) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(rejected.getRetryAfter().toSeconds()));
			}
			ProblemResponse.write(request, response, rejected.getStatus(), rejected.getMessage(),
					AuthenticationFailures.decisionId(request));
			return;
		}
		challenge(response);
		ProblemResponse.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication is required");
	}

	/** The exception itself, or one a framework wrapped (a key server down behind the resource server). */
	private static @Nullable AwsAuthenticationException awsFailure(AuthenticationException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof AwsAuthenticationException aws) {
				return aws;
			}
		}
		return null;
	}

	private void challenge(HttpServletResponse response) {
		this.schemes.forEach((scheme) -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, scheme));
	}

}
