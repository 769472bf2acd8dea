package io.github.awsauth.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the policy parser and evaluator: a policy is either refused with an
 * {@code IllegalArgumentException} or evaluates to a decision for any request; and the wildcard
 * matcher agrees with a table of which prefixes match which.
 */
class PolicyFuzzTests {

	@FuzzTest(maxDuration = "10m")
	void anyTextIsAPolicyThatDecidesOrIsRefused(FuzzedDataProvider data) {
		String name = data.consumeString(20);
		String attribute = data.consumeString(20);
		String resource = data.consumeString(40);
		String json = data.consumeRemainingAsString();
		PolicyDocument policy;
		try {
			policy = PolicyDocument.parse(json);
		}
		catch (IllegalArgumentException refused) {
			return;
		}
		AwsPrincipal principal = new AwsPrincipal(name.isEmpty() ? "x" : name, Mechanism.JWT,
				Map.of("custom:tenant", attribute, "cognito:groups", List.of(attribute, name)), List.of());
		PolicyRequest request = PolicyRequest.of(new AwsAuthenticationToken(principal, null), "execute-api:Invoke",
				resource, "192.0.2.1", true, Instant.EPOCH);
		assertThat(PolicyEvaluator.evaluate(List.of(policy), request)).isNotNull();
	}

	@FuzzTest(maxDuration = "10m")
	void wildcardsMatchAsTheTableOfAllPrefixesSays(FuzzedDataProvider data) {
		String pattern = data.consumeString(30);
		String value = data.consumeString(200);
		assertThat(PolicyGlob.of(pattern).matches(value, false)).as("'%s' ~ '%s'", pattern, value)
			.isEqualTo(matchesByTable(pattern, value));
	}

	/**
	 * The oracle: whether each prefix of the pattern matches each prefix of the value, filled in
	 * as a table (a regular expression of many {@code .*} backtracks for minutes on some inputs).
	 */
	private static boolean matchesByTable(String pattern, String value) {
		boolean[][] matches = new boolean[pattern.length() + 1][value.length() + 1];
		matches[0][0] = true;
		for (int p = 1; p <= pattern.length(); p++) {
			char c = pattern.charAt(p - 1);
			matches[p][0] = c == '*' && matches[p - 1][0];
			for (int v = 1; v <= value.length(); v++) {
				matches[p][v] = (c == '*') ? matches[p - 1][v] || matches[p][v - 1]
						: matches[p - 1][v - 1] && (c == '?' || c == value.charAt(v - 1));
			}
		}
		return matches[pattern.length()][value.length()];
	}

}
