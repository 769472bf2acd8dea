package io.github.awsauth.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A machine allowlist: patterns and the authorities each grants. A value and a pattern are both cut
 * into fields (the parts of an ARN between {@code :}, the attributes of a distinguished name); they
 * match when they have as many fields and each field matches, a {@code *} standing for any run of
 * characters within its field. So a field written in a pattern is always compared, and a
 * {@code *} can never reach into the next one. Everything else is literal and case-sensitive.
 */
public final class PatternAllowlist {

	private final Function<String, @Nullable List<String>> fields;

	private final List<Entry> entries;

	/**
	 * Create an allowlist whose fields are separated by one character.
	 * @param patterns pattern to authorities
	 * @param separator the character between fields
	 * @param problem what is wrong with a pattern, or {@code null} when it is valid
	 * @throws IllegalArgumentException naming the first invalid pattern
	 */
	public PatternAllowlist(Map<String, List<String>> patterns, char separator,
			Function<String, @Nullable String> problem) {
		this(patterns, (value) -> Arrays.asList(value.split(Pattern.quote(String.valueOf(separator)), -1)), problem);
	}

	/**
	 * Create an allowlist.
	 * @param patterns pattern to authorities
	 * @param fields cuts a value or a pattern into its fields, or returns {@code null} when it cannot
	 * (such a value matches nothing)
	 * @param problem what is wrong with a pattern, or {@code null} when it is valid
	 * @throws IllegalArgumentException naming the first invalid pattern
	 */
	public PatternAllowlist(Map<String, List<String>> patterns, Function<String, @Nullable List<String>> fields,
			Function<String, @Nullable String> problem) {
		this.fields = fields;
		List<Entry> entries = new ArrayList<>();
		patterns.forEach((pattern, authorities) -> {
			String reason = problem.apply(pattern);
			List<String> patternFields = (reason == null) ? fields.apply(pattern) : null;
			if (patternFields == null) {
				throw new IllegalArgumentException(
						"pattern '" + pattern + "': " + ((reason != null) ? reason : "it cannot be read"));
			}
			entries.add(new Entry(patternFields.stream().map(PatternAllowlist::compile).toList(),
					List.copyOf(authorities)));
		});
		this.entries = List.copyOf(entries);
	}

	/**
	 * The authorities a value is granted.
	 * @param value the verified identity, for example a normalized ARN
	 * @return the union of the authorities of every matching pattern, or {@code null} when none
	 * matches
	 */
	public @Nullable Set<String> authorities(String value) {
		List<String> valueFields = this.fields.apply(value);
		return (valueFields != null) ? authoritiesOfFields(valueFields) : null;
	}

	/**
	 * The authorities of a value already cut into its fields, for a caller that needs the fields
	 * itself too.
	 * @param valueFields the fields, as this allowlist's field function cuts them
	 * @return the union of the authorities of every matching pattern, or {@code null} when none
	 * matches
	 */
	public @Nullable Set<String> authoritiesOfFields(List<String> valueFields) {
		Set<String> authorities = null;
		for (Entry entry : this.entries) {
			if (entry.matches(valueFields)) {
				authorities = (authorities != null) ? authorities : new LinkedHashSet<>();
				authorities.addAll(entry.authorities());
			}
		}
		return authorities;
	}

	/**
	 * Whether the allowlist names nobody.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	private static Pattern compile(String field) {
		String[] literals = field.split("\\*", -1);
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < literals.length; i++) {
			regex.append((i > 0) ? ".*" : "").append(Pattern.quote(literals[i]));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	private record Entry(List<Pattern> fields, List<String> authorities) {

		boolean matches(List<String> value) {
			if (value.size() != this.fields.size()) {
				return false;
			}
			for (int i = 0; i < value.size(); i++) {
				if (!this.fields.get(i).matcher(value.get(i)).matches()) {
					return false;
				}
			}
			return true;
		}

	}

}
