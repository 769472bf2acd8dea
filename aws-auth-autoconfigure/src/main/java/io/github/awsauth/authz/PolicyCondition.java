package io.github.awsauth.authz;

import java.util.List;
import java.util.function.Predicate;

/**
 * One key of a statement's {@code Condition}: {@code "ForAnyValue:StringLike": {"key": [values]}}.
 * The values are alternatives; a negated operator holds when the request's value matches none of
 * them. A key the request context lacks makes the condition false, true for a negated operator, an
 * {@code …IfExists} one and {@code ForAllValues:}. A multi-valued key without a set qualifier
 * matches as {@code ForAnyValue:} for a positive operator and {@code ForAllValues:} for a negated
 * one, so that a negated condition holds only when none of the request's values is named.
 * @param operator the operator
 * @param qualifier the set qualifier
 * @param ifExists whether the {@code …IfExists} form is used
 * @param key the condition key
 * @param values the policy's values
 */
record PolicyCondition(ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key,
		List<PolicyText> values) {

	boolean holds(PolicyRequest request, boolean variables) {
		List<String> context = request.values(this.key);
		boolean missing = context == null || context.isEmpty();
		if (this.operator.isNull()) {
			return this.values.stream().anyMatch((value) -> Boolean.parseBoolean(value.text()) == missing);
		}
		if (missing) {
			if (this.ifExists || this.qualifier == Qualifier.FOR_ALL_VALUES) {
				return true;
			}
			return this.qualifier == Qualifier.NONE && this.operator.negated();
		}
		List<PolicyGlob> policy = this.values.stream()
			.map((value) -> value.resolve(request, variables))
			// a statement with a variable that has no value was decided before (PolicyStatement); only
			// a string operator's value can hold one, the others being checked as numbers, dates,
			// booleans or addresses
			.filter((glob) -> glob != null)
			.toList();
		Predicate<String> one = (value) -> this.operator.negated()
				? policy.stream().noneMatch((glob) -> this.operator.matches(value, glob))
				: policy.stream().anyMatch((glob) -> this.operator.matches(value, glob));
		return switch (this.qualifier) {
			case FOR_ALL_VALUES -> context.stream().allMatch(one);
			case FOR_ANY_VALUE -> context.stream().anyMatch(one);
			case NONE -> this.operator.negated() ? context.stream().allMatch(one) : context.stream().anyMatch(one);
		};
	}

	/** How a condition treats a multi-valued key. */
	enum Qualifier {

		/** No set operator. */
		NONE,

		/** {@code ForAnyValue:}: at least one of the request's values matches. */
		FOR_ANY_VALUE,

		/** {@code ForAllValues:}: every one of the request's values matches; none at all is a match. */
		FOR_ALL_VALUES

	}

}
