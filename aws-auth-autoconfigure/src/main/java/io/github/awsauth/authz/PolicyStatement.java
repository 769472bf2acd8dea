package io.github.awsauth.authz;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy: {@code Effect}, {@code Action} or {@code NotAction}, {@code Resource}
 * or {@code NotResource}, and the conditions that must all hold.
 * @param sid the statement's id, or {@code null}
 * @param allow whether the effect is {@code Allow} rather than {@code Deny}
 * @param actions the action patterns
 * @param notAction whether they are {@code NotAction}: the statement applies to every other action
 * @param resources the resource patterns
 * @param notResource whether they are {@code NotResource}
 * @param conditions the conditions
 */
record PolicyStatement(@Nullable String sid, boolean allow, List<PolicyGlob> actions, boolean notAction,
		List<PolicyText> resources, boolean notResource, List<PolicyCondition> conditions) {

	/**
	 * Whether the statement applies to the request: action, resource and every condition. A
	 * statement in which a variable has no value for the request is not one that can be judged: an
	 * Allow does not apply, a Deny does (fail closed), whatever its other resources and conditions.
	 */
	boolean applies(PolicyRequest request, boolean variables) {
		// loops, not streams: this runs for every statement of every request
		boolean action = false;
		for (PolicyGlob glob : this.actions) {
			if (glob.matches(request.action(), true)) {
				action = true;
				break;
			}
		}
		if (action == this.notAction) {
			return false;
		}
		if (variables && unresolved(request)) {
			return !this.allow;
		}
		boolean resource = false;
		for (PolicyText pattern : this.resources) {
			PolicyGlob glob = pattern.resolve(request, variables);
			if (glob != null && glob.matches(request.resource(), false)) {
				resource = true;
				break;
			}
		}
		if (resource == this.notResource) {
			return false;
		}
		for (PolicyCondition condition : this.conditions) {
			if (!condition.holds(request, variables)) {
				return false;
			}
		}
		return true;
	}

	private boolean unresolved(PolicyRequest request) {
		for (PolicyText resource : this.resources) {
			if (resource.unresolved(request, true)) {
				return true;
			}
		}
		for (PolicyCondition condition : this.conditions) {
			for (PolicyText value : condition.values()) {
				if (value.unresolved(request, true)) {
					return true;
				}
			}
		}
		return false;
	}

}
