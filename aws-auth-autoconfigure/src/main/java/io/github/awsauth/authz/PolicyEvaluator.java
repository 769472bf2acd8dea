package io.github.awsauth.authz;

import java.util.List;

/**
 * Evaluates identity policies with IAM's logic: every statement of every policy is considered; a
 * {@code Deny} that applies decides at once; otherwise an {@code Allow} that applies allows, and
 * without one the request is denied.
 */
public final class PolicyEvaluator {

	private PolicyEvaluator() {
	}

	/**
	 * Decide a request.
	 * @param policies the caller's policies
	 * @param request the request context
	 * @return the decision
	 */
	public static PolicyDecision evaluate(List<PolicyDocument> policies, PolicyRequest request) {
		PolicyStatement allowing = null;
		for (PolicyDocument policy : policies) {
			for (PolicyStatement statement : policy.statements()) {
				if ((!statement.allow() || allowing == null) && statement.applies(request, policy.variables())) {
					if (!statement.allow()) {
						return new PolicyDecision(PolicyDecision.Outcome.EXPLICIT_DENY, statement.sid());
					}
					allowing = statement;
				}
			}
		}
		return (allowing != null) ? new PolicyDecision(PolicyDecision.Outcome.ALLOW, allowing.sid())
				: new PolicyDecision(PolicyDecision.Outcome.IMPLICIT_DENY, null);
	}

}
