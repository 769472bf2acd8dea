package io.github.awsauth.web;

import java.io.IOException;
import java.text.ParseException;
import java.util.List;

import io.github.awsauth.core.AwsAuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;

/**
 * Answers a request whose credential is missing or was rejected: 401 with a
 * {@code WWW-Authenticate} challenge per accepted scheme (or the 400, 403, 413 or 503 of an
 * {@link AwsAuthenticationException}, with {@code Retry-After} for a 503) and an RFC 9457 problem
 * body that says which check failed, never how the server is built.
 */
public final class AwsAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final String BEARER = "Bearer";

	private final List<String> schemes;

	/**
	 * Create an entry point.
	 * @param schemes the authentication schemes to challenge a caller without a credential with,
	 * for example {@code Bearer}
	 */
	public AwsAuthenticationEntryPoint(List<String> schemes) {
		this.schemes = List.copyOf(schemes);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError() instanceof BearerTokenError error) {
			String description = describe(exception, error);
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER + " error=\"" + error.getErrorCode()
					+ "\", error_description=\"" + headerSafe(description) + "\"");
			ProblemResponse.write(request, response, HttpStatus.valueOf(error.getHttpStatus().value()), description);
			return;
		}
		AwsAuthenticationException rejected = awsFailure(exception);
		if (rejected != null) {
			if (rejected.getStatus() == HttpStatus.UNAUTHORIZED) {
				challenge(response);
			}
			if (rejected.getRetryAfter() != null) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(rejected.getRetryAfter().toSeconds()));
			}
			ProblemResponse.write(request, response, rejected.getStatus(), rejected.getMessage());
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
