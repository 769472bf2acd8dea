package io.github.awsauth.authz;

import org.jspecify.annotations.Nullable;

/**
 * What the policies decided for a request, as IAM decides it: an explicit {@code Deny} wins, then
 * an {@code Allow}; with neither, the request is denied by default.
 * @param outcome allowed, or denied and how
 * @param sid the {@code Sid} of the statement that decided, or {@code null}
 */
public record PolicyDecision(Outcome outcome, @Nullable String sid) {

	/**
	 * Whether the request is allowed.
	 * @return whether an Allow applied and no Deny did
	 */
	public boolean allowed() {
		return this.outcome == Outcome.ALLOW;
	}

	/** How a decision came about. */
	public enum Outcome {

		/** A statement allowed the request and none denied it. */
		ALLOW,

		/** A statement denied the request. */
		EXPLICIT_DENY,

		/** No statement allowed it. */
		IMPLICIT_DENY

	}

}
