package io.github.awsauth.authz;

import io.github.awsauth.core.AccessDenials;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.web.util.UrlPathHelper;

/**
 * A refusal by a route rule or a decision point: the caller learns which kind of requirement was
 * not met and a decision id; the DEBUG log line with the same id says which rule decided.
 */
final class Decisions {

	private static final Log logger = LogFactory.getLog(Decisions.class);

	static final AuthorizationDecision DENY = new AuthorizationDecision(false);

	private static final UrlPathHelper paths = UrlPathHelper.defaultInstance;

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private Decisions() {
	}

	/**
	 * Whether there is a caller to decide for: authenticated, and not anonymous.
	 * @param caller the authentication, or {@code null}
	 * @return whether it is a caller
	 */
	static boolean isCaller(@Nullable Authentication caller) {
		return trust.isAuthenticated(caller);
	}

	/**
	 * The path of a request as the application's handlers match it: within the application, decoded.
	 * What a decision point judges is what the application will serve.
	 * @param request the request
	 * @return the path
	 */
	static String path(HttpServletRequest request) {
		return paths.getPathWithinApplication(request);
	}

	/**
	 * The method of a request as the application serves it: Spring MVC answers {@code HEAD} with
	 * the {@code GET} handler, so a decision point judges it as {@code GET} (a Deny of {@code GET}
	 * holds for {@code HEAD} too).
	 * @param request the request
	 * @return the method
	 */
	static String method(HttpServletRequest request) {
		return "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
	}

	/**
	 * Refuse a request with 403.
	 * @param request the request
	 * @param caller the caller
	 * @param source what decided
	 * @param decidedBy which rule decided, for the log only
	 * @param reason the kind of requirement not met, for the caller
	 * @param scopeMightHelp whether another authority could have let it through
	 * @return the decision
	 */
	static AuthorizationDecision denied(HttpServletRequest request, Authentication caller, DecisionSource source,
			String decidedBy, String reason, boolean scopeMightHelp) {
		String decisionId = AccessDenials.newDecisionId();
		log(decisionId, request, caller, "denied", decidedBy, reason);
		AccessDenials.note(request, reason, decisionId, scopeMightHelp);
		return SourcedDecision.denied(source);
	}

	/**
	 * Refuse a request with 503, a decision point being unavailable.
	 * @param request the request
	 * @param caller the caller
	 * @param source the decision point
	 * @param decidedBy which decision point failed and how, for the log only
	 * @param reason what the caller is told
	 * @return the decision
	 */
	static AuthorizationDecision unavailable(HttpServletRequest request, Authentication caller, DecisionSource source,
			String decidedBy, String reason) {
		String decisionId = AccessDenials.newDecisionId();
		log(decisionId, request, caller, "refused", decidedBy, reason);
		AccessDenials.noteUnavailable(request, reason, decisionId);
		return SourcedDecision.unavailable(source);
	}

	private static void log(String decisionId, HttpServletRequest request, Authentication caller, String outcome,
			String decidedBy, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Decision " + decisionId + ": " + request.getMethod() + " " + request.getRequestURI() + " "
					+ outcome + " to " + caller.getName() + " by " + decidedBy + ": " + reason);
		}
	}

}
