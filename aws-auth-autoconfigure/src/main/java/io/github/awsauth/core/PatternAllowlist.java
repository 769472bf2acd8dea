package io.github.awsauth.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A machine allowlist: patterns and the authorities each grants. A {@code *} matches any run of
 * characters within one field of the value and never crosses the field separator (a {@code :} of
 * an ARN, a {@code ,} between the parts of a distinguished name), so a field written in a pattern
 * is always compared. Everything else in a pattern is literal and case-sensitive.
 */
public final class PatternAllowlist {

	private final List<Entry> entries;

	/**
	 * Create an allowlist.
	 * @param patterns pattern to authorities
	 * @param separator the character a {@code *} never matches
	 * @param problem what is wrong with a pattern, or {@code null} when it is valid
	 * @throws IllegalArgumentException naming the first invalid pattern
	 */
	public PatternAllowlist(Map<String, List<String>> patterns, char separator,
			Function<String, @Nullable String> problem) {
		List<Entry> entries = new ArrayList<>();
		patterns.forEach((pattern, authorities) -> {
			String reason = problem.apply(pattern);
			if (reason != null) {
				throw new IllegalArgumentException("pattern '" + pattern + "': " + reason);
			}
			entries.add(new Entry(compile(pattern, separator), List.copyOf(authorities)));
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
		Set<String> authorities = null;
		for (Entry entry : this.entries) {
			if (entry.pattern().matcher(value).matches()) {
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

	private static Pattern compile(String pattern, char separator) {
		String[] literals = pattern.split("\\*", -1);
		String anyWithinField = "[^" + Pattern.quote(String.valueOf(separator)) + "]*";
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < literals.length; i++) {
			regex.append((i > 0) ? anyWithinField : "").append(Pattern.quote(literals[i]));
		}
		return Pattern.compile(regex.toString());
	}

	private record Entry(Pattern pattern, List<String> authorities) {

	}

}
