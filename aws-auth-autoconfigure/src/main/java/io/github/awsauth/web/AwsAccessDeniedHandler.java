package io.github.awsauth.web;

import java.io.IOException;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.ProblemResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request whose caller is known but not allowed: 403 with an RFC 9457 problem body that
 * gives the reason a check noted ({@link AccessDenials}, such as a failed owner check), or says
 * access is denied.
 */
public final class AwsAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		String reason = AccessDenials.reason(request);
		if (reason != null) {
			ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, reason, AccessDenials.decisionId(request));
			return;
		}
		ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, "Access is denied");
	}

}
