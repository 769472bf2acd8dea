package io.github.awsauth.authz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IAM-style identity policy: {@code {"Version": "2012-10-17", "Statement": [...]}}, each
 * statement of {@code Effect}, {@code Action} or {@code NotAction}, {@code Resource} or
 * {@code NotResource}, and an optional {@code Condition}. Policy variables such as
 * {@code ${aws:username}} are replaced only in a version {@code 2012-10-17} policy; in an older one
 * (or one without a version) they are literal text, as in IAM. Parsing is strict: an unknown
 * element, operator or value is an error, not a statement that silently never matches.
 */
public final class PolicyDocument {

	/** The policy language version that has policy variables. */
	public static final String VERSION = "2012-10-17";

	private static final String OLD_VERSION = "2008-10-17";

	private static final int MAX_LENGTH = 128 * 1024;

	private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");

	private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
			"NotResource", "Condition");

	private static final String IF_EXISTS = "IfExists";

	/** A name twice in one object is refused: a parser that keeps the last could drop a Deny. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final List<PolicyStatement> statements;

	private final boolean variables;

	private PolicyDocument(List<PolicyStatement> statements, boolean variables) {
		this.statements = statements;
		this.variables = variables;
	}

	/**
	 * Parse a policy.
	 * @param json the policy's JSON text
	 * @return the policy
	 * @throws IllegalArgumentException when it is not a policy, saying what is wrong where
	 */
	public static PolicyDocument parse(String json) {
		if (json.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("the policy is longer than " + MAX_LENGTH + " characters");
		}
		Map<String, Object> document;
		try {
			document = JSON.readValue(json, OBJECT);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					ex.getMessage().contains("Duplicate") ? "the policy names an element twice"
							: "the policy is not a JSON object");
		}
		if (document == null) {
			throw new IllegalArgumentException("the policy is not a JSON object");
		}
		unknownElements(document, DOCUMENT_ELEMENTS, "the policy");
		Object version = document.get("Version");
		if (version != null && !VERSION.equals(version) && !OLD_VERSION.equals(version)) {
			throw new IllegalArgumentException("Version must be " + VERSION + " or " + OLD_VERSION);
		}
		Object statement = document.get("Statement");
		List<?> statements = (statement instanceof Map<?, ?>) ? List.of(statement)
				: (statement instanceof List<?> list) ? list : null;
		if (statements == null || statements.isEmpty()) {
			throw new IllegalArgumentException("Statement must be a statement or a non-empty list of them");
		}
		boolean variables = VERSION.equals(version);
		List<PolicyStatement> parsed = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			parsed.add(statement(statements.get(i), "Statement[" + i + "]", variables));
		}
		return new PolicyDocument(List.copyOf(parsed), variables);
	}

	List<PolicyStatement> statements() {
		return this.statements;
	}

	/** Whether policy variables are replaced: only in a {@code 2012-10-17} policy. */
	boolean variables() {
		return this.variables;
	}

	/**
	 * How many statements the policy has.
	 * @return the number of statements
	 */
	public int size() {
		return this.statements.size();
	}

	private static PolicyStatement statement(Object element, String where, boolean variables) {
		if (!(element instanceof Map<?, ?> statement)) {
			throw new IllegalArgumentException(where + " must be an object");
		}
		if (statement.containsKey("Principal") || statement.containsKey("NotPrincipal")) {
			throw new IllegalArgumentException(where + " names a Principal: these are identity policies, "
					+ "attached to the caller, and name none");
		}
		unknownElements(statement, STATEMENT_ELEMENTS, where);
		Object effect = statement.get("Effect");
		if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
			throw new IllegalArgumentException(where + ".Effect must be Allow or Deny");
		}
		boolean notAction = exactlyOne(statement, "Action", "NotAction", where);
		List<PolicyGlob> actions = strings(statement.get(notAction ? "NotAction" : "Action"),
				where + "." + (notAction ? "NotAction" : "Action"))
			.stream()
			.map(PolicyGlob::of)
			.toList();
		boolean notResource = exactlyOne(statement, "Resource", "NotResource", where);
		String resourcesAt = where + "." + (notResource ? "NotResource" : "Resource");
		List<String> resourceTexts = strings(statement.get(notResource ? "NotResource" : "Resource"), resourcesAt);
		if (variables) {
			resourceTexts.forEach((resource) -> variablesKnown(resource, resourcesAt));
		}
		List<PolicyText> resources = resourceTexts.stream().map(PolicyText::of).toList();
		List<PolicyCondition> conditions = conditions(statement.get("Condition"), where + ".Condition", variables);
		Object sid = statement.get("Sid");
		if (sid != null && !(sid instanceof String)) {
			throw new IllegalArgumentException(where + ".Sid must be a string");
		}
		return new PolicyStatement((String) sid, "Allow".equals(effect), actions, notAction, resources, notResource,
				conditions);
	}

	private static boolean exactlyOne(Map<?, ?> statement, String name, String notName, String where) {
		boolean plain = statement.containsKey(name);
		boolean not = statement.containsKey(notName);
		if (plain == not) {
			throw new IllegalArgumentException(where + " must have exactly one of " + name + " and " + notName);
		}
		return not;
	}

	private static List<PolicyCondition> conditions(@Nullable Object element, String where, boolean variables) {
		if (element == null) {
			return List.of();
		}
		if (!(element instanceof Map<?, ?> operators)) {
			throw new IllegalArgumentException(where + " must be an object");
		}
		List<PolicyCondition> conditions = new ArrayList<>();
		for (Map.Entry<?, ?> entry : operators.entrySet()) {
			String name = (String) entry.getKey();
			String at = where + "." + name;
			PolicyCondition.Qualifier qualifier = PolicyCondition.Qualifier.NONE;
			String operatorName = name;
			if (name.startsWith("ForAnyValue:")) {
				qualifier = PolicyCondition.Qualifier.FOR_ANY_VALUE;
				operatorName = name.substring("ForAnyValue:".length());
			}
			else if (name.startsWith("ForAllValues:")) {
				qualifier = PolicyCondition.Qualifier.FOR_ALL_VALUES;
				operatorName = name.substring("ForAllValues:".length());
			}
			boolean ifExists = operatorName.endsWith(IF_EXISTS);
			ConditionOperator operator = ConditionOperator
				.named(ifExists ? operatorName.substring(0, operatorName.length() - IF_EXISTS.length()) : operatorName);
			if (operator == null || (operator.isNull() && (ifExists || qualifier != PolicyCondition.Qualifier.NONE))) {
				throw new IllegalArgumentException(at + " is not a condition operator");
			}
			if (!(entry.getValue() instanceof Map<?, ?> keys) || keys.isEmpty()) {
				throw new IllegalArgumentException(at + " must map condition keys to values");
			}
			for (Map.Entry<?, ?> key : keys.entrySet()) {
				String keyAt = at + "." + key.getKey();
				if (!PolicyRequest.isKey((String) key.getKey())) {
					throw new IllegalArgumentException(keyAt + " is not a condition key of this authorizer ("
							+ PolicyRequest.KEYS + ")");
				}
				List<String> values = strings(key.getValue(), keyAt);
				for (String value : values) {
					if (variables) {
						variablesKnown(value, keyAt);
					}
					String problem = operator.problem(value);
					if (problem != null) {
						throw new IllegalArgumentException(keyAt + ": '" + value + "' " + problem);
					}
				}
				conditions.add(new PolicyCondition(operator, qualifier, ifExists, (String) key.getKey(),
						values.stream().map(PolicyText::of).toList()));
			}
		}
		return List.copyOf(conditions);
	}

	/** A string, or a non-empty list of them; a condition's numbers and booleans as their text. */
	private static List<String> strings(@Nullable Object element, String where) {
		List<?> elements = (element instanceof List<?> list) ? list : (element != null) ? List.of(element) : List.of();
		if (elements.isEmpty()) {
			throw new IllegalArgumentException(where + " must be a string or a non-empty list of strings");
		}
		List<String> strings = new ArrayList<>();
		for (Object value : elements) {
			if (value instanceof String || value instanceof Boolean) {
				strings.add(value.toString());
			}
			else if (value instanceof Number number) {
				// the JSON parser reads 10 as 10.0
				strings.add(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
			}
			else {
				throw new IllegalArgumentException(where + " must be a string or a non-empty list of strings");
			}
		}
		return List.copyOf(strings);
	}

	/** A variable of a key no request has would never have a value: a misspelling. */
	private static void variablesKnown(String text, String where) {
		List<PolicyVariables.Part> parts = PolicyVariables.parse(text);
		for (String key : (parts != null) ? PolicyVariables.keys(parts) : List.<String>of()) {
			if (!PolicyRequest.isKey(key)) {
				throw new IllegalArgumentException(where + ": ${" + key + "} is not a condition key of this authorizer ("
						+ PolicyRequest.KEYS + ")");
			}
		}
	}

	private static void unknownElements(Map<?, ?> element, Set<String> known, String where) {
		for (Object name : element.keySet()) {
			if (!known.contains(name)) {
				throw new IllegalArgumentException(where + " has an unknown element '" + name + "'");
			}
		}
	}

}
