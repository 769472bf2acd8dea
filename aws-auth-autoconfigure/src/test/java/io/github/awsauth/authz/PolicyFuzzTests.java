package io.github.awsauth.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the policy parser and evaluator: a policy is either refused with an
 * {@code IllegalArgumentException} or evaluates to a decision for any request; and the wildcard
 * matcher agrees with a regular expression built from the same pattern.
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
	void wildcardsMatchAsTheirRegularExpression(FuzzedDataProvider data) {
		String pattern = data.consumeString(30);
		String value = data.consumeRemainingAsString();
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append((c == '*') ? ".*" : (c == '?') ? "." : Pattern.quote(String.valueOf(c)));
		}
		boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
		assertThat(PolicyGlob.of(pattern).matches(value, false)).as("'%s' ~ '%s'", pattern, value).isEqualTo(expected);
	}

}
