package io.github.awsauth.web;

import java.io.IOException;
import java.time.Duration;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request whose caller is known but not allowed: 403 with an RFC 9457 problem body that
 * gives the reason a check noted ({@link AccessDenials}, such as a failed owner check), or says
 * access is denied; 503 with {@code Retry-After} when a decision point could not be asked.
 */
public final class AwsAccessDeniedHandler implements AccessDeniedHandler {

	/** How long a caller refused for an unreachable decision point is asked to wait. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		String reason = AccessDenials.reason(request);
		if (reason != null && AccessDenials.unavailable(request)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
			ProblemResponse.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, reason,
					AccessDenials.decisionId(request));
			return;
		}
		if (reason != null) {
			ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, reason, AccessDenials.decisionId(request));
			return;
		}
		ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, "Access is denied");
	}

}
