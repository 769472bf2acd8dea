package io.github.awsauth.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The allowlist: ARN patterns and the authorities they grant. A {@code *} matches any run of
 * characters within one ARN field and never crosses a {@code :}, so the account written in a
 * pattern is always compared (a role of the same name in another account does not match).
 * Everything else in a pattern is literal.
 */
public final class ArnPatterns {

	private final List<Entry> entries;

	/**
	 * Create the allowlist.
	 * @param patterns pattern to authorities
	 */
	public ArnPatterns(Map<String, List<String>> patterns) {
		List<Entry> entries = new ArrayList<>();
		patterns.forEach((pattern, authorities) -> entries.add(new Entry(compile(pattern), List.copyOf(authorities))));
		this.entries = List.copyOf(entries);
	}

	/**
	 * The authorities an ARN is granted.
	 * @param arn the normalized ARN
	 * @return the union of the authorities of every matching pattern, or {@code null} when none
	 * matches
	 */
	public @Nullable Set<String> authorities(String arn) {
		Set<String> authorities = null;
		for (Entry entry : this.entries) {
			if (entry.pattern().matcher(arn).matches()) {
				authorities = (authorities != null) ? authorities : new LinkedHashSet<>();
				authorities.addAll(entry.authorities());
			}
		}
		return authorities;
	}

	static Pattern compile(String pattern) {
		String[] literals = pattern.split("\\*", -1);
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < literals.length; i++) {
			regex.append((i > 0) ? "[^:]*" : "").append(Pattern.quote(literals[i]));
		}
		return Pattern.compile(regex.toString());
	}

	private record Entry(Pattern pattern, List<String> authorities) {

	}

}
