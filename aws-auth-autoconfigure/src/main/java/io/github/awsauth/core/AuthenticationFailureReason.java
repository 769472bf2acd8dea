package io.github.awsauth.core;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

/**
 * Why a credential was refused, in a small fixed set: the {@code reason} tag of the
 * {@code aws.auth.authentications} metric and the reason of a failure's log line. The set is
 * small on purpose: the message of the failure says which check failed; the reason groups
 * failures an operator acts on alike.
 */
public enum AuthenticationFailureReason {

	/** The credential's lifetime is over, or its time is too far from the clock. */
	EXPIRED("expired"),

	/** The signature over the credential or the request does not verify. */
	BAD_SIGNATURE("bad_signature"),

	/** The key the credential names is not known: an unknown access key, API key or key id. */
	UNKNOWN_KEY("unknown_key"),

	/** The token's issuer is not a trusted one. */
	UNKNOWN_ISSUER("unknown_issuer"),

	/** The credential is genuine, but its identity is not on the mechanism's allowlist. */
	NOT_ALLOWED("not_allowed"),

	/** The credential cannot be read. */
	MALFORMED("malformed"),

	/** The request can be read in more than one way, or carries more than one credential. */
	AMBIGUOUS("ambiguous"),

	/** What must be verified is larger than the mechanism accepts. */
	TOO_LARGE("too_large"),

	/** The upstream that judges the credential (a key server, STS, EC2) could not be reached. */
	UPSTREAM_UNAVAILABLE("upstream_unavailable"),

	/** Any other check failed: an audience, a bound service, a claim the mechanism requires. */
	INVALID("invalid");

	private final String tag;

	AuthenticationFailureReason(String tag) {
		this.tag = tag;
	}

	/**
	 * The reason of a failure: that of the starter's exception, where the failure is one or wraps
	 * one; an authentication service that failed is an unavailable upstream; anything else is
	 * {@link #INVALID}.
	 * @param exception the failure
	 * @return the reason
	 */
	public static AuthenticationFailureReason of(AuthenticationException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof AwsAuthenticationException aws) {
				return aws.getReason();
			}
		}
		return (exception instanceof AuthenticationServiceException) ? UPSTREAM_UNAVAILABLE : INVALID;
	}

	/**
	 * The reason as it appears in metrics and logs, for example {@code bad_signature}.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
