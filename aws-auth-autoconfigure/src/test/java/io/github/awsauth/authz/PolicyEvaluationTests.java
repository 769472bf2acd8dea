package io.github.awsauth.authz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy evaluation table of {@code authz/policy-evaluation.json}: each case a set of
 * policies, a request and the decision IAM's evaluation logic gives, among them the examples of
 * AWS's IAM documentation (marked "AWS doc").
 */
class PolicyEvaluationTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decides(String name, Map<String, Object> testCase) throws Exception {
		List<PolicyDocument> policies = JSONObjectUtils.getJSONObjectArray(testCase, "policies") == null ? List.of()
				: Stream.of(JSONObjectUtils.getJSONObjectArray(testCase, "policies"))
					.map((policy) -> PolicyDocument.parse(JSONObjectUtils.toJSONString(policy)))
					.toList();
		AwsPrincipal principal = new AwsPrincipal((String) testCase.get("user"), Mechanism.JWT,
				JSONObjectUtils.getJSONObject(testCase, "attributes"), List.of());
		PolicyRequest request = PolicyRequest.of(new AwsAuthenticationToken(principal, null),
				(String) testCase.get("action"), (String) testCase.get("resource"), (String) testCase.get("sourceIp"),
				(Boolean) testCase.get("secure"), Instant.parse((String) testCase.get("time")));

		PolicyDecision decision = PolicyEvaluator.evaluate(policies, request);

		assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.valueOf((String) testCase.get("expect")));
		assertThat(decision.allowed()).isEqualTo("ALLOW".equals(testCase.get("expect")));
		if (testCase.containsKey("sid")) {
			assertThat(decision.sid()).isEqualTo(testCase.get("sid"));
		}
	}

	static Stream<Arguments> cases() throws IOException, java.text.ParseException {
		try (InputStream in = PolicyEvaluationTests.class.getResourceAsStream("/authz/policy-evaluation.json")) {
			List<Object> cases = JSONArrayUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
			return cases.stream().map((c) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> testCase = (Map<String, Object>) c;
				return Arguments.of(testCase.get("name"), testCase);
			});
		}
	}

}
