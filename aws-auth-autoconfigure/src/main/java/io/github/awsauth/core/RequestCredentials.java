package io.github.awsauth.core;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the one-credential filter found on a request, for the mechanisms that run after it: which
 * credential the request carries, of which mechanism, and whether it is in a header.
 */
public final class RequestCredentials {

	private static final String MECHANISM = RequestCredentials.class.getName() + ".mechanism";

	private static final String IN_HEADER = RequestCredentials.class.getName() + ".inHeader";

	private static final String CREDENTIAL = RequestCredentials.class.getName() + ".credential";

	private RequestCredentials() {
	}

	/**
	 * Note the request's one credential.
	 * @param request the request
	 * @param credential the credential it carries
	 * @param inHeader whether the credential is in a header (not in the query)
	 */
	public static void found(HttpServletRequest request, RequestCredential credential, boolean inHeader) {
		found(request, credential.mechanism(), inHeader);
		request.setAttribute(CREDENTIAL, credential);
	}

	/**
	 * Note the mechanism of the request's one credential, without the credential itself.
	 * @param request the request
	 * @param mechanism the mechanism whose credential it carries
	 * @param inHeader whether the credential is in a header (not in the query)
	 */
	public static void found(HttpServletRequest request, Mechanism mechanism, boolean inHeader) {
		request.setAttribute(MECHANISM, mechanism);
		request.removeAttribute(CREDENTIAL);
		if (inHeader) {
			request.setAttribute(IN_HEADER, Boolean.TRUE);
		}
		else {
			request.removeAttribute(IN_HEADER);
		}
	}

	/**
	 * Note that the request carries no credential a mechanism of this chain reads, forgetting what
	 * an earlier chain found (a forward or include from another chain).
	 * @param request the request
	 */
	public static void none(HttpServletRequest request) {
		request.removeAttribute(MECHANISM);
		request.removeAttribute(IN_HEADER);
		request.removeAttribute(CREDENTIAL);
	}

	/**
	 * The credential a request carries, once the one-credential filter ran.
	 * @param request the request
	 * @return the credential, or {@code null}
	 */
	public static @Nullable RequestCredential credential(HttpServletRequest request) {
		return (request.getAttribute(CREDENTIAL) instanceof RequestCredential credential) ? credential : null;
	}

	/**
	 * The mechanism whose credential a request carries, once the one-credential filter ran.
	 * @param request the request
	 * @return the mechanism, or {@code null}
	 */
	public static @Nullable Mechanism mechanism(HttpServletRequest request) {
		return (request.getAttribute(MECHANISM) instanceof Mechanism mechanism) ? mechanism : null;
	}

	/**
	 * The requests that carry a credential of one mechanism.
	 * @param mechanism the mechanism
	 * @return the matcher
	 */
	public static RequestMatcher of(Mechanism mechanism) {
		return (request) -> mechanism(request) == mechanism;
	}

	/**
	 * Requests whose credential, one a mechanism reads, is in a header. CSRF protection is not
	 * needed for them: a cross-site form cannot set a header, and the credential authenticates them
	 * or they are refused. A credential in the query (a presigned SigV4 URL) is not exempt, since a
	 * cross-site form can send one, and filters before the mechanisms (logout) would act on it.
	 * @return the matcher
	 */
	public static RequestMatcher inHeader() {
		return (request) -> request.getAttribute(IN_HEADER) != null;
	}

}
