package io.github.awsauth.authz;

import java.util.BitSet;

/**
 * A policy string after its variables were replaced: literal characters, and the wildcards
 * {@code *} (any run of characters) and {@code ?} (one character) where the policy wrote them. A
 * value put in by a variable, such as a user name holding {@code *}, stays literal.
 */
final class PolicyGlob {

	private static final char STAR = '*';

	private static final char ANY_ONE = '?';

	private final String chars;

	/** Which of {@code chars} are wildcards rather than the literal character. */
	private final boolean[] wildcard;

	/** How many characters come before the first wildcard: all of them when there is none. */
	private final int literalPrefix;

	private PolicyGlob(String chars, boolean[] wildcard) {
		this.chars = chars;
		this.wildcard = wildcard;
		int prefix = 0;
		while (prefix < wildcard.length && !wildcard[prefix]) {
			prefix++;
		}
		this.literalPrefix = prefix;
	}

	/**
	 * Parse a policy string without variables.
	 * @param text the string as the policy wrote it
	 * @return the glob
	 */
	static PolicyGlob of(String text) {
		Builder builder = new Builder();
		builder.pattern(text);
		return builder.build();
	}

	/**
	 * Whether a value matches, {@code *} and {@code ?} being wildcards.
	 * @param value the request's value
	 * @param ignoreCase whether case is ignored (actions) or not (resources, condition values)
	 * @return whether it matches
	 */
	boolean matches(String value, boolean ignoreCase) {
		if (this.literalPrefix == this.chars.length()) {
			return equalsLiterally(value, ignoreCase);
		}
		// most patterns a request meets differ from it before their first wildcard
		if (!value.regionMatches(ignoreCase, 0, this.chars, 0, this.literalPrefix)) {
			return false;
		}
		String pattern = this.chars;
		String text = value;
		// no recursion and no regular expression: on a mismatch, back up only to the last star
		int p = 0;
		int t = 0;
		int star = -1;
		int resume = 0;
		while (t < text.length()) {
			if (p < pattern.length() && this.wildcard[p] && pattern.charAt(p) == STAR) {
				star = p++;
				resume = t;
			}
			else if (p < pattern.length()
					&& ((this.wildcard[p] && pattern.charAt(p) == ANY_ONE) || (!this.wildcard[p] && same(pattern.charAt(p), text.charAt(t), ignoreCase)))) {
				p++;
				t++;
			}
			else if (star >= 0) {
				p = star + 1;
				t = ++resume;
			}
			else {
				return false;
			}
		}
		while (p < pattern.length() && this.wildcard[p] && pattern.charAt(p) == STAR) {
			p++;
		}
		return p == pattern.length();
	}

	/** As {@link String#regionMatches(boolean, int, String, int, int)} compares characters. */
	private static boolean same(char a, char b, boolean ignoreCase) {
		if (a == b) {
			return true;
		}
		if (!ignoreCase) {
			return false;
		}
		char upperA = Character.toUpperCase(a);
		char upperB = Character.toUpperCase(b);
		return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
	}

	/**
	 * Whether a value equals the string exactly, wildcards being literal characters.
	 * @param value the request's value
	 * @param ignoreCase whether case is ignored
	 * @return whether it equals
	 */
	boolean equalsLiterally(String value, boolean ignoreCase) {
		// the exact comparison first: an action is nearly always written as requested
		return this.chars.equals(value) || (ignoreCase && this.chars.equalsIgnoreCase(value));
	}

	@Override
	public String toString() {
		return this.chars;
	}

	/** Puts a glob together from the policy's own text and the literal values of variables. */
	static final class Builder {

		private final StringBuilder chars = new StringBuilder();

		private final BitSet wildcards = new BitSet();

		void pattern(CharSequence text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == STAR || c == ANY_ONE) {
					this.wildcards.set(this.chars.length());
				}
				this.chars.append(c);
			}
		}

		void literal(CharSequence text) {
			this.chars.append(text);
		}

		PolicyGlob build() {
			boolean[] wildcard = new boolean[this.chars.length()];
			for (int i = this.wildcards.nextSetBit(0); i >= 0; i = this.wildcards.nextSetBit(i + 1)) {
				wildcard[i] = true;
			}
			return new PolicyGlob(this.chars.toString(), wildcard);
		}

	}

}
