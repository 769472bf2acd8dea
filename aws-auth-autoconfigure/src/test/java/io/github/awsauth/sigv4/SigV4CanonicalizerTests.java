package io.github.awsauth.sigv4;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header values are canonicalized as SigV4 defines and as the regular expression the verifier
 * used before did: trimmed, each run of ASCII white space one space, other characters kept.
 */
class SigV4CanonicalizerTests {

	private static final String ALPHABET = "ab \t\n\u000B\f\r\u00A0\u2003,";

	@ParameterizedTest
	@ValueSource(strings = { "", "plain", "  padded  ", "two  spaces", "tab\there", "a \t b", "line\r\nbreak",
			"\u000Bvertical\u000B tab", "no\u00A0break\u00A0space", "em\u2003space", " , ", "a\fb" })
	void valueIsTrimmedAndItsWhiteSpaceRunsCollapsed(String value) {
		assertThat(SigV4Canonicalizer.collapseWhitespace(value)).isEqualTo(byRegularExpression(value));
	}

	@Test
	void randomValuesAreCanonicalizedAsByTheRegularExpression() {
		Random random = new Random(20261202);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder value = new StringBuilder();
			for (int length = random.nextInt(12); length > 0; length--) {
				value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			assertThat(SigV4Canonicalizer.collapseWhitespace(value.toString())).as("[%s]", value)
				.isEqualTo(byRegularExpression(value.toString()));
		}
	}

	@Test
	void valueWithoutWhiteSpaceRunsIsNotCopied() {
		String value = "application/json; charset=utf-8";
		assertThat(SigV4Canonicalizer.collapseWhitespace(value)).isSameAs(value);
	}

	private static String byRegularExpression(String value) {
		return value.strip().replaceAll("\\s+", " ");
	}

}
