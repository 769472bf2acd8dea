package io.github.awsauth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header values are canonicalized as SigV4 defines and as the regular expression the verifier
 * used before did: trimmed, each run of ASCII white space one space, other characters kept. Paths
 * and query parts that need no work are returned as they are, and the result is the same as when
 * every one is worked on.
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

	@Test
	void randomPathsAreNormalizedAndEncodedAsSegmentBySegment() {
		Random random = new Random(20261203);
		String alphabet = "/./a%\u00e9~+";
		for (int i = 0; i < 50_000; i++) {
			String path = "/" + randomString(random, alphabet, 10);
			assertThat(SigV4Canonicalizer.canonicalUri(path, true)).as("[%s]", path)
				.isEqualTo(encodedEveryByte(segmentBySegment(path), true));
			assertThat(SigV4Canonicalizer.canonicalUri(path, false)).as("[%s]", path)
				.isEqualTo(encodedEveryByte(path, true));
		}
	}

	@Test
	void randomQueryPartsAreEncodedAsByteByByte() {
		Random random = new Random(20261204);
		String alphabet = "aZ09-_.~/ +=\u00e9\u20ac\ud83d\ude00";
		for (int i = 0; i < 50_000; i++) {
			String value = randomString(random, alphabet, 8);
			assertThat(SigV4Canonicalizer.encode(value, false)).as("[%s]", value)
				.isEqualTo(encodedEveryByte(value, false));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/orders", "/api/orders/", "/a.b/..c/.d", "/~user/x-y_z" })
	void normalPathIsNotCopied(String path) {
		assertThat(SigV4Canonicalizer.canonicalUri(path, true)).isSameAs(path);
	}

	private static String randomString(Random random, String alphabet, int maxLength) {
		StringBuilder value = new StringBuilder();
		for (int length = random.nextInt(maxLength); length > 0; length--) {
			value.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

	/** The normalization the verifier always did: dot segments and empty segments go, a trailing slash stays. */
	private static String segmentBySegment(String path) {
		Deque<String> segments = new ArrayDeque<>();
		String[] parts = path.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].equals("..")) {
				segments.pollLast();
			}
			else if (!parts[i].isEmpty() && !parts[i].equals(".")) {
				segments.addLast(parts[i]);
			}
		}
		String normalized = "/" + String.join("/", segments);
		boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
		return (trailingSlash && !normalized.endsWith("/")) ? normalized + "/" : normalized;
	}

	private static String encodedEveryByte(String value, boolean path) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (Character.isLetterOrDigit(c) && c < 0x80 || "-_.~".indexOf(c) >= 0 || (path && c == '/')) {
				encoded.append(c);
			}
			else {
				encoded.append(String.format("%%%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	private static String byRegularExpression(String value) {
		return value.strip().replaceAll("\\s+", " ");
	}

}
