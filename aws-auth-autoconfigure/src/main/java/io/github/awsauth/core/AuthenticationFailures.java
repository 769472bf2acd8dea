package io.github.awsauth.core;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;

/**
 * Notes a refused credential on its request: one DEBUG line with the mechanism, the reason, a
 * decision id and the message the caller is shown (which never holds the credential), and the
 * decision id for the problem body, so an operator can find the line a caller quotes.
 */
public final class AuthenticationFailures {

	private static final Log logger = LogFactory.getLog(AuthenticationFailures.class);

	private static final String DECISION = AuthenticationFailures.class.getName() + ".decision";

	private AuthenticationFailures() {
	}

	/**
	 * Note a refused credential.
	 * @param request the request
	 * @param mechanism the mechanism whose credential it was
	 * @param reason why it was refused
	 * @param exception the failure, whose message is safe to show
	 * @return the decision id
	 */
	public static String note(HttpServletRequest request, Mechanism mechanism, AuthenticationFailureReason reason,
			AuthenticationException exception) {
		String decisionId = AccessDenials.newDecisionId();
		request.setAttribute(DECISION, decisionId);
		if (logger.isDebugEnabled()) {
			logger.debug("Authentication failed, decision " + decisionId + ": " + printable(request.getMethod()) + " "
					+ printable(request.getRequestURI()) + " mechanism=" + mechanism.id() + " reason=" + reason.tag()
					+ ": " + printable(String.valueOf(exception.getMessage())));
		}
		return decisionId;
	}

	/**
	 * Printable ASCII only, each other character a '?': a message can quote what a caller chose (a
	 * certificate's subject), and a line break in it would forge a log line.
	 */
	static String printable(String text) {
		StringBuilder printable = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			printable.append((c >= 0x20 && c <= 0x7e) ? c : '?');
		}
		return printable.toString();
	}

	/**
	 * The decision id noted for a request's refused credential.
	 * @param request the request
	 * @return the id, or {@code null} when none was noted
	 */
	public static @Nullable String decisionId(HttpServletRequest request) {
		return (request.getAttribute(DECISION) instanceof String id) ? id : null;
	}

}
