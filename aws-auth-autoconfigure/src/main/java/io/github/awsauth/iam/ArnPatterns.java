package io.github.awsauth.iam;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.awsauth.core.PatternAllowlist;
import org.jspecify.annotations.Nullable;

/**
 * What makes an IAM allowlist pattern valid: a whole ARN whose partition, service and account are
 * written out, so that it can never match an identity of another account. The matching itself is a
 * {@link PatternAllowlist} over {@code :}-separated fields.
 */
public final class ArnPatterns {

	private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

	private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

	private static final Pattern RESOURCE = Pattern.compile("(role|user)/[^:]+");

	private ArnPatterns() {
	}

	/**
	 * The allowlist of ARN patterns.
	 * @param patterns pattern to authorities
	 * @return the allowlist
	 * @throws IllegalArgumentException if a pattern is not valid ({@link #problem(String)})
	 */
	public static PatternAllowlist allowlist(Map<String, List<String>> patterns) {
		return new PatternAllowlist(patterns, ':', ArnPatterns::problem);
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

}
