package io.github.awsauth.authz;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The IAM condition operators, each comparing one value of the request context with one value of
 * the policy. A negated operator ({@code StringNotEquals}, {@code NotIpAddress}, …) holds when the
 * value matches none of the policy's values; {@link PolicyCondition} applies that and the
 * {@code IfExists}, {@code ForAnyValue:} and {@code ForAllValues:} forms.
 */
enum ConditionOperator {

	STRING_EQUALS("StringEquals", Kind.STRING, false),

	STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),

	STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, false),

	STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, true),

	STRING_LIKE("StringLike", Kind.STRING_LIKE, false),

	STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, true),

	NUMERIC_EQUALS("NumericEquals", Kind.NUMBER, false, (order) -> order == 0),

	NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMBER, true, (order) -> order == 0),

	NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMBER, false, (order) -> order < 0),

	NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMBER, false, (order) -> order <= 0),

	NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMBER, false, (order) -> order > 0),

	NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMBER, false, (order) -> order >= 0),

	DATE_EQUALS("DateEquals", Kind.DATE, false, (order) -> order == 0),

	DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, true, (order) -> order == 0),

	DATE_LESS_THAN("DateLessThan", Kind.DATE, false, (order) -> order < 0),

	DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, false, (order) -> order <= 0),

	DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, false, (order) -> order > 0),

	DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, false, (order) -> order >= 0),

	BOOL("Bool", Kind.BOOLEAN, false),

	IP_ADDRESS("IpAddress", Kind.IP, false),

	NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),

	NULL("Null", Kind.NULL, false);

	private final String policyName;

	private final Kind kind;

	private final boolean negated;

	/** For a number or date operator: which order of request value to policy value matches. */
	private final IntPredicate order;

	ConditionOperator(String policyName, Kind kind, boolean negated) {
		this(policyName, kind, negated, (order) -> false);
	}

	ConditionOperator(String policyName, Kind kind, boolean negated, IntPredicate order) {
		this.policyName = policyName;
		this.kind = kind;
		this.negated = negated;
		this.order = order;
	}

	/**
	 * The operator a policy names, without {@code IfExists} and set qualifier.
	 * @param name the name, such as {@code StringLike}
	 * @return the operator, or {@code null} when there is none of that name
	 */
	static @Nullable ConditionOperator named(String name) {
		return Arrays.stream(values()).filter((operator) -> operator.policyName.equals(name)).findFirst().orElse(null);
	}

	String policyName() {
		return this.policyName;
	}

	boolean negated() {
		return this.negated;
	}

	boolean isNull() {
		return this.kind == Kind.NULL;
	}

	/**
	 * Whether a policy value is one this operator can compare.
	 * @param value the policy's value
	 * @return what is wrong with it, or {@code null}
	 */
	@Nullable String problem(String value) {
		return switch (this.kind) {
			case NUMBER -> (number(value) == null) ? "is not a number" : null;
			case DATE -> (date(value) == null) ? "is not an ISO 8601 date or epoch seconds" : null;
			case BOOLEAN, NULL -> (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) ? null
					: "is neither true nor false";
			case IP -> (ipMatcher(value) == null) ? "is not an IP address or CIDR block" : null;
			default -> null;
		};
	}

	/**
	 * Whether a value of the request context matches a value of the policy, before negation.
	 * @param context the request's value
	 * @param policy the policy's value, variables already replaced for a string operator
	 * @return whether they match
	 */
	boolean matches(String context, PolicyGlob policy) {
		String value = policy.toString();
		return switch (this.kind) {
			case STRING -> policy.equalsLiterally(context, false);
			case STRING_IGNORE_CASE -> policy.equalsLiterally(context, true);
			case STRING_LIKE -> policy.matches(context, false);
			case NUMBER -> ordered(number(context), number(value));
			case DATE -> ordered(date(context), date(value));
			case BOOLEAN -> context.equalsIgnoreCase(value);
			case IP -> matchesAddress(context, value);
			case NULL -> false;
		};
	}

	/** A value not of the operator's type (not a number, not a date) matches nothing. */
	private <T extends Comparable<T>> boolean ordered(@Nullable T context, @Nullable T policy) {
		return context != null && policy != null && this.order.test(Integer.signum(context.compareTo(policy)));
	}

	private static @Nullable BigDecimal number(String value) {
		// a bounded length: BigDecimal parses "1e999999999" into a number too large to compare quickly
		if (value.length() > 40) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** IAM's date forms: an ISO 8601 instant, a date-time with an offset, a date, or epoch seconds. */
	private static @Nullable Instant date(String value) {
		String text = value.trim();
		try {
			if (!text.isEmpty() && text.length() <= 19 && text.chars().allMatch(Character::isDigit)) {
				return Instant.ofEpochSecond(Long.parseLong(text));
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException notDateTime) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			// a caller's attribute too: out of range is not a date, never an exception
			return null;
		}
	}

	private static boolean matchesAddress(String context, String policy) {
		IpAddressMatcher matcher = ipMatcher(policy);
		// only an address literal: a host name would be looked up in DNS
		if (matcher == null || !isAddressLiteral(context)) {
			return false;
		}
		try {
			return matcher.matches(context);
		}
		catch (IllegalArgumentException ex) {
			// a caller's attribute that only looks like an address ("1.2.3.4.5")
			return false;
		}
	}

	private static @Nullable IpAddressMatcher ipMatcher(String value) {
		int slash = value.indexOf('/');
		if (!isAddressLiteral((slash >= 0) ? value.substring(0, slash) : value)) {
			return null;
		}
		try {
			return new IpAddressMatcher(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isAddressLiteral(String value) {
		return !value.isEmpty() && value.length() <= 45 && (value.indexOf('.') >= 0 || value.indexOf(':') >= 0)
				&& value.toLowerCase(Locale.ROOT)
					.chars()
					.allMatch((c) -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
	}

	private enum Kind {

		STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMBER, DATE, BOOLEAN, IP, NULL

	}

}
