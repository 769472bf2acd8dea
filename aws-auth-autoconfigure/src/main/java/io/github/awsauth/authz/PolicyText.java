package io.github.awsauth.authz;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A resource or condition value of a policy, parsed once, when the policy is.
 * @param text the value as the policy wrote it
 * @param literal the value as a glob as written: what it is where variables are not replaced, or
 * when it holds none
 * @param parts the value's parts when it holds variables, else {@code null}
 */
record PolicyText(String text, PolicyGlob literal, @Nullable List<PolicyVariables.Part> parts) {

	static PolicyText of(String text) {
		return new PolicyText(text, PolicyGlob.of(text), PolicyVariables.parse(text));
	}

	/**
	 * Whether a variable of the value has no value for a request.
	 * @param request the request context
	 * @param variables whether the policy's version has variables
	 * @return whether one has none
	 */
	boolean unresolved(PolicyRequest request, boolean variables) {
		return variables && this.parts != null && PolicyVariables.resolve(this.parts, request) == null;
	}

	/**
	 * The value for a request.
	 * @param request the request context
	 * @param variables whether the policy's version has variables
	 * @return the value, or {@code null} when a variable has no value
	 */
	@Nullable PolicyGlob resolve(PolicyRequest request, boolean variables) {
		return (variables && this.parts != null) ? PolicyVariables.resolve(this.parts, request) : this.literal;
	}

}
