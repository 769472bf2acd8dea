package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * IAM policy variables in a resource or a string condition value: {@code ${aws:username}},
 * {@code ${aws:PrincipalTag/custom:tenant}}, {@code ${aws:SourceIp}}, with a default
 * ({@code ${aws:PrincipalTag/team, 'none'}}) and the escapes {@code ${*}}, {@code ${?}} and
 * {@code ${$}} for a literal {@code *}, {@code ?} and {@code $}. A variable's value is literal:
 * a {@code *} in a user name is no wildcard. A variable of a key the request context lacks, or that
 * has several values, has no value: its statement cannot be judged ({@link PolicyStatement}).
 */
final class PolicyVariables {

	private static final Set<String> ESCAPES = Set.of("*", "?", "$");

	private PolicyVariables() {
	}

	/**
	 * The string with its variables replaced.
	 * @param text the policy's string
	 * @param request the request context
	 * @return the string, or {@code null} when a variable has no value
	 */
	static @Nullable PolicyGlob resolve(String text, PolicyRequest request) {
		PolicyGlob.Builder glob = new PolicyGlob.Builder();
		int from = 0;
		while (true) {
			int start = text.indexOf("${", from);
			int end = (start >= 0) ? text.indexOf('}', start + 2) : -1;
			if (start < 0 || end < 0) {
				glob.pattern(text.substring(from));
				return glob.build();
			}
			glob.pattern(text.substring(from, start));
			String value = value(text.substring(start + 2, end).trim(), request);
			if (value == null) {
				return null;
			}
			glob.literal(value);
			from = end + 1;
		}
	}

	/**
	 * The condition keys a string's variables name.
	 * @param text the policy's string
	 * @return the keys, without the escapes and defaults
	 */
	static List<String> keys(String text) {
		List<String> keys = new ArrayList<>();
		int from = 0;
		while (true) {
			int start = text.indexOf("${", from);
			int end = (start >= 0) ? text.indexOf('}', start + 2) : -1;
			if (start < 0 || end < 0) {
				return keys;
			}
			String variable = text.substring(start + 2, end).trim();
			if (!ESCAPES.contains(variable)) {
				int comma = variable.indexOf(',');
				keys.add(((comma >= 0) ? variable.substring(0, comma) : variable).trim());
			}
			from = end + 1;
		}
	}

	private static @Nullable String value(String variable, PolicyRequest request) {
		if (ESCAPES.contains(variable)) {
			return variable;
		}
		String key = variable;
		String fallback = null;
		int comma = variable.indexOf(',');
		if (comma >= 0) {
			key = variable.substring(0, comma).trim();
			String quoted = variable.substring(comma + 1).trim();
			if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
				return null;
			}
			fallback = quoted.substring(1, quoted.length() - 1);
		}
		List<String> values = request.values(key);
		if (values != null && values.size() == 1) {
			return values.get(0);
		}
		return (values == null || values.isEmpty()) ? fallback : null;
	}

}
