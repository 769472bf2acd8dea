package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * IAM policy variables in a resource or a string condition value: {@code ${aws:username}},
 * {@code ${aws:PrincipalTag/custom:tenant}}, {@code ${aws:SourceIp}}, with a default
 * ({@code ${aws:PrincipalTag/team, 'none'}}) and the escapes {@code ${*}}, {@code ${?}} and
 * {@code ${$}} for a literal {@code *}, {@code ?} and {@code $}. A string is cut into its parts once,
 * when the policy is parsed; a request only fills them in. A variable's value is literal: a
 * {@code *} in a user name is no wildcard. A variable of a key the request context lacks, or that
 * has several values, has no value: its statement cannot be judged ({@link PolicyStatement}).
 */
final class PolicyVariables {

	private static final Set<String> ESCAPES = Set.of("*", "?", "$");

	private PolicyVariables() {
	}

	/**
	 * Cut a policy string into its parts.
	 * @param text the policy's string
	 * @return the parts, or {@code null} when the string holds no variable
	 */
	static @Nullable List<Part> parse(String text) {
		if (!text.contains("${")) {
			return null;
		}
		List<Part> parts = new ArrayList<>();
		int from = 0;
		while (true) {
			int start = text.indexOf("${", from);
			int end = (start >= 0) ? text.indexOf('}', start + 2) : -1;
			if (start < 0 || end < 0) {
				parts.add(Part.pattern(text.substring(from)));
				return List.copyOf(parts);
			}
			parts.add(Part.pattern(text.substring(from, start)));
			parts.add(Part.variable(text.substring(start + 2, end).trim()));
			from = end + 1;
		}
	}

	/**
	 * The string with its variables replaced.
	 * @param parts the string's parts
	 * @param request the request context
	 * @return the string, or {@code null} when a variable has no value
	 */
	static @Nullable PolicyGlob resolve(List<Part> parts, PolicyRequest request) {
		PolicyGlob.Builder glob = new PolicyGlob.Builder();
		for (Part part : parts) {
			if (part.kind() == Kind.PATTERN) {
				glob.pattern(part.text());
				continue;
			}
			String value = part.value(request);
			if (value == null) {
				return null;
			}
			glob.literal(value);
		}
		return glob.build();
	}

	/**
	 * The condition keys a string's variables name.
	 * @param parts the string's parts
	 * @return the keys, without the escapes and defaults
	 */
	static List<String> keys(List<Part> parts) {
		return parts.stream()
			.filter((part) -> part.kind() == Kind.VARIABLE || part.kind() == Kind.MALFORMED)
			.map(Part::text)
			.toList();
	}

	/** What a part of a policy string is. */
	enum Kind {

		/** The policy's own text, its {@code *} and {@code ?} wildcards. */
		PATTERN,

		/** An escape: a literal {@code *}, {@code ?} or {@code $}. */
		LITERAL,

		/** A variable of a condition key, with its default or none. */
		VARIABLE,

		/** A variable whose default is not quoted: it never has a value. */
		MALFORMED

	}

	/**
	 * A part of a policy string.
	 * @param kind what it is
	 * @param text the pattern text, the literal, or the variable's key
	 * @param fallback the variable's default, or {@code null}
	 */
	record Part(Kind kind, String text, @Nullable String fallback) {

		static Part pattern(String text) {
			return new Part(Kind.PATTERN, text, null);
		}

		/** A variable as written between {@code ${} and {@code }}. */
		static Part variable(String variable) {
			if (ESCAPES.contains(variable)) {
				return new Part(Kind.LITERAL, variable, null);
			}
			int comma = variable.indexOf(',');
			if (comma < 0) {
				return new Part(Kind.VARIABLE, variable, null);
			}
			String key = variable.substring(0, comma).trim();
			String quoted = variable.substring(comma + 1).trim();
			if (quoted.length() < 2 || quoted.charAt(0) != '\'' || quoted.charAt(quoted.length() - 1) != '\'') {
				return new Part(Kind.MALFORMED, key, null);
			}
			return new Part(Kind.VARIABLE, key, quoted.substring(1, quoted.length() - 1));
		}

		/** The literal's or the variable's value for a request, or {@code null} when it has none. */
		@Nullable String value(PolicyRequest request) {
			return switch (this.kind) {
				case LITERAL -> this.text;
				case MALFORMED, PATTERN -> null;
				case VARIABLE -> {
					List<String> values = request.values(this.text);
					if (values != null && values.size() == 1) {
						yield values.get(0);
					}
					yield (values == null || values.isEmpty()) ? this.fallback : null;
				}
			};
		}

	}

}
