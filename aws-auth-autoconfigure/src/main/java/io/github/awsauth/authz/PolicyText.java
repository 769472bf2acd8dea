package io.github.awsauth.authz;

import org.jspecify.annotations.Nullable;

/**
 * A resource or condition value of a policy, parsed once when it holds no variable.
 * @param text the value as the policy wrote it
 * @param fixed the value as a glob when it holds no variable, else {@code null}
 */
record PolicyText(String text, @Nullable PolicyGlob fixed) {

	static PolicyText of(String text) {
		return new PolicyText(text, text.contains("${") ? null : PolicyGlob.of(text));
	}

	/**
	 * The value for a request.
	 * @param request the request context
	 * @param variables whether the policy's version has variables
	 * @return the value, or {@code null} when a variable has no value
	 */
	/**
	 * Whether a variable of the value has no value for a request.
	 * @param request the request context
	 * @param variables whether the policy's version has variables
	 * @return whether one has none
	 */
	boolean unresolved(PolicyRequest request, boolean variables) {
		return this.fixed == null && variables && PolicyVariables.resolve(this.text, request) == null;
	}

	@Nullable PolicyGlob resolve(PolicyRequest request, boolean variables) {
		if (this.fixed != null) {
			return this.fixed;
		}
		return variables ? PolicyVariables.resolve(this.text, request) : PolicyGlob.of(this.text);
	}

}
