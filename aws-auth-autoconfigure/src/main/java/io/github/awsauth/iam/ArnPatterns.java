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

	private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

	private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

	private static final Pattern RESOURCE = Pattern.compile("(role|user)/[^:]+");

	private final List<Entry> entries;

	/**
	 * Create the allowlist.
	 * @param patterns pattern to authorities
	 * @throws IllegalArgumentException if a pattern is not valid ({@link #problem(String)})
	 */
	public ArnPatterns(Map<String, List<String>> patterns) {
		patterns.keySet().forEach((pattern) -> {
			String problem = problem(pattern);
			if (problem != null) {
				throw new IllegalArgumentException("ARN pattern '" + pattern + "': " + problem);
			}
		});
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

	/**
	 * What is wrong with an allowlist pattern, if anything. A pattern names a whole IAM ARN:
	 * {@code arn:<partition>:iam::<12-digit account>:role/<name>}, {@code …:user/<name>} or
	 * {@code …:root}, with no wildcard in the partition, service or account, so it can never match
	 * an identity of another account (the class of CVE-2025-11621).
	 * @param pattern the pattern
	 * @return the problem, or {@code null} if the pattern is valid
	 */
	public static @Nullable String problem(String pattern) {
		String[] parts = pattern.split(":", 6);
		if (parts.length != 6 || !parts[0].equals("arn")) {
			return "it is not an ARN (arn:<partition>:iam::<account>:role/<name>)";
		}
		if (!PARTITION.matcher(parts[1]).matches()) {
			return "its partition must be written out (aws, aws-cn, aws-us-gov, …)";
		}
		if (!parts[2].equals("iam") || !parts[3].isEmpty()) {
			return "its service must be iam, with no region (assumed roles match as their role ARN)";
		}
		if (!ACCOUNT.matcher(parts[4]).matches()) {
			return "its account must be 12 digits, with no wildcard";
		}
		String resource = parts[5];
		if (!resource.equals("root") && !RESOURCE.matcher(resource).matches()) {
			return "its resource must be role/<name>, user/<name> or root";
		}
		return null;
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
