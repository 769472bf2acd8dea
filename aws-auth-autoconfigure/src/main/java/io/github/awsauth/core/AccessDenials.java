package io.github.awsauth.core;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Why a check of the current request denied access, when the check knows better than "access is
 * denied": an owner check notes that the caller is not the owner, and the 403 says so (and is not
 * an RFC 6750 {@code insufficient_scope}, since no scope would help).
 */
public final class AccessDenials {

	private static final String REASON = AccessDenials.class.getName() + ".reason";

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
	 * Why a check of a request failed.
	 * @param request the request
	 * @return the reason noted, or {@code null}
	 */
	public static @Nullable String reason(HttpServletRequest request) {
		return (request.getAttribute(REASON) instanceof String reason) ? reason : null;
	}

}
