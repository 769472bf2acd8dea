package io.github.awsauth.web;

import java.io.IOException;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request whose caller is known but not allowed: 403 with an RFC 9457 problem body,
 * and for bearer tokens the RFC 6750 {@code insufficient_scope} challenge; a check that noted a
 * more precise reason ({@link AccessDenials}, such as a failed owner check) is answered with it and
 * without the challenge, since no scope would help.
 */
public final class AwsAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		String reason = AccessDenials.reason(request);
		if (reason != null) {
			ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, reason);
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AwsPrincipal principal
				&& principal.mechanism() == Mechanism.JWT) {
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		}
		ProblemResponse.write(request, response, HttpStatus.FORBIDDEN, "Access is denied");
	}

}
