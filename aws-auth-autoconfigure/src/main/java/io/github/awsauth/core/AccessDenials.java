package io.github.awsauth.core;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Why a check of the current request denied access, when the check knows better than "access is
 * denied": an owner check notes that the caller is not the owner, a route rule which kind of its
 * requirements was not met. The 403 says so, never the rule itself, and carries the decision id
 * that the DEBUG log line of the decision carries too.
 */
public final class AccessDenials {

	private static final String REASON = AccessDenials.class.getName() + ".reason";

	private static final String DECISION = AccessDenials.class.getName() + ".decision";

	private static final String SCOPE_MIGHT_HELP = AccessDenials.class.getName() + ".scopeMightHelp";

	private static final String UNAVAILABLE = AccessDenials.class.getName() + ".unavailable";

	/** The caller is not the owner of the resource. */
	public static final String NOT_OWNER = "The caller is not the owner of this resource";

	private AccessDenials() {
	}

	/**
	 * Note why a check of the current request failed.
	 * @param reason what the caller may be told
	 */
	public static void note(String reason) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REASON, reason, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Note a decision that denied a request.
	 * @param request the request
	 * @param reason what the caller may be told: the kind of requirement not met
	 * @param decisionId the id the decision's log line carries
	 * @param scopeMightHelp whether another authority (a token scope) would have let it through
	 */
	public static void note(HttpServletRequest request, String reason, String decisionId, boolean scopeMightHelp) {
		request.setAttribute(REASON, reason);
		request.setAttribute(DECISION, decisionId);
		if (scopeMightHelp) {
			request.setAttribute(SCOPE_MIGHT_HELP, Boolean.TRUE);
		}
	}

	/**
	 * Note that a decision point needed for the request could not be asked: the request is
	 * answered 503 with {@code Retry-After}, not 403.
	 * @param request the request
	 * @param reason what the caller may be told
	 * @param decisionId the id the decision's log line carries
	 */
	public static void noteUnavailable(HttpServletRequest request, String reason, String decisionId) {
		note(request, reason, decisionId, false);
		request.setAttribute(UNAVAILABLE, Boolean.TRUE);
	}

	/**
	 * Whether the request was refused because a decision point could not be asked.
	 * @param request the request
	 * @return whether it was
	 */
	public static boolean unavailable(HttpServletRequest request) {
		return request.getAttribute(UNAVAILABLE) != null;
	}

	/**
	 * A new decision id.
	 * @return a random id
	 */
	public static String newDecisionId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Why a check of a request failed.
	 * @param request the request
	 * @return the reason noted, or {@code null}
	 */
	public static @Nullable String reason(HttpServletRequest request) {
		return (request.getAttribute(REASON) instanceof String reason) ? reason : null;
	}

	/**
	 * The id of the decision that denied a request.
	 * @param request the request
	 * @return the id, or {@code null} when none was noted
	 */
	public static @Nullable String decisionId(HttpServletRequest request) {
		return (request.getAttribute(DECISION) instanceof String id) ? id : null;
	}

	/**
	 * Whether another authority, such as a token scope, could have let the request through: no
	 * reason was noted, or the decision found an authority missing (not an owner check, not a
	 * mechanism the route does not accept).
	 * @param request the request
	 * @return whether it could
	 */
	public static boolean scopeMightHelp(HttpServletRequest request) {
		return reason(request) == null || request.getAttribute(SCOPE_MIGHT_HELP) != null;
	}

}
