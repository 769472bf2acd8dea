package io.github.awsauth.iam;

import java.util.List;
import java.util.Map;

import io.github.awsauth.core.PatternAllowlist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The IAM allowlist: whole-ARN patterns only, and a {@code *} that stays within its ARN field.
 */
class ArnPatternsTests {

	@Test
	void wildcardMatchesWithinTheResourceButNeverAcrossAColon() {
		PatternAllowlist patterns = ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/worker-*", List.of("ROLE_worker")));
		assertThat(patterns.authorities("arn:aws:iam::123456789012:role/worker-blue")).containsExactly("ROLE_worker");
		assertThat(patterns.authorities("arn:aws:iam::123456789012:role/worker-blue:extra")).isNull();
		assertThat(patterns.authorities("arn:aws:iam::999999999999:role/worker-blue")).isNull();
	}

	@Test
	void authoritiesOfEveryMatchingPatternAreUnited() {
		PatternAllowlist patterns = ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/*", List.of("ROLE_any"),
				"arn:aws:iam::123456789012:role/admin", List.of("ROLE_admin")));
		assertThat(patterns.authorities("arn:aws:iam::123456789012:role/admin")).containsExactlyInAnyOrder("ROLE_any",
				"ROLE_admin");
	}

	@Test
	void everythingButTheWildcardIsLiteral() {
		PatternAllowlist patterns = ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/a.b", List.of("R")));
		assertThat(patterns.authorities("arn:aws:iam::123456789012:role/aXb")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:iam::123456789012:role/worker", "arn:aws:iam::123456789012:role/team/worker-*",
			"arn:aws:iam::123456789012:user/ci", "arn:aws:iam::123456789012:root", "arn:aws-cn:iam::123456789012:role/x",
			"arn:aws-us-gov:iam::123456789012:role/*" })
	void wholeArnPatternsAreValid(String pattern) {
		assertThat(ArnPatterns.problem(pattern)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:iam::*:role/x", "arn:*:iam::123456789012:role/x", "arn:aws:*::123456789012:role/x",
			"arn:aws:sts::123456789012:assumed-role/x/y", "arn:aws:iam:eu-west-1:123456789012:role/x",
			"arn:aws:iam::12345678901:role/x", "arn:aws:iam::123456789012:*", "arn:aws:iam::123456789012:group/x",
			"arn:aws:iam::123456789012:role/", "arnawsiam123456789012roleworker-", "*", "" })
	void partialOrWildcardPatternsAreRefused(String pattern) {
		assertThat(ArnPatterns.problem(pattern)).isNotBlank();
		assertThatIllegalArgumentException().isThrownBy(() -> ArnPatterns.allowlist(Map.of(pattern, List.of("R"))));
	}

}
