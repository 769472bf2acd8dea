package io.github.awsauth.sigv4;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.github.awsauth.core.AwsAuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses (400) a query that SigV4 and the servlet container would read differently, so that
 * what verifies is what the application binds:
 * <ul>
 * <li>a raw {@code +}: the container binds it as a space, SigV4 signs it as a plus (clients
 * send {@code %20} and {@code %2B});</li>
 * <li>a {@code %} that does not start a percent-escape, or escapes that do not decode to UTF-8:
 * the container drops or replaces what SigV4 signs;</li>
 * <li>a repeated parameter whose values are not listed in the order SigV4 sorts them: SigV4
 * signs the sorted values, so {@code v=1&v=2} and {@code v=2&v=1} verify alike while
 * {@code getParameter("v")} returns the first.</li>
 * </ul>
 */
final class UnambiguousQuery {

	private UnambiguousQuery() {
	}

	static void check(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return;
		}
		if (rawQuery.indexOf('+') >= 0) {
			throw ambiguous("a raw '+' in the query is read as a space; send a plus as %2B and a space as %20");
		}
		Map<String, String> lastValue = new HashMap<>();
		for (String piece : rawQuery.split("&")) {
			int equals = piece.indexOf('=');
			String name = strictDecode((equals < 0) ? piece : piece.substring(0, equals));
			String value = (equals < 0) ? "" : strictDecode(piece.substring(equals + 1));
			if (name.isEmpty()) {
				continue;
			}
			String previous = lastValue.put(name, value);
			if (previous != null && SigV4Canonicalizer.encode(previous, false)
				.compareTo(SigV4Canonicalizer.encode(value, false)) > 0) {
				throw ambiguous("the values of the repeated query parameter '" + safe(name)
						+ "' must be listed in sorted order, as they are signed");
			}
		}
	}

	private static String strictDecode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteBuffer bytes = ByteBuffer.allocate(value.length() * 4);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
						|| Character.digit(value.charAt(i + 2), 16) < 0) {
					throw ambiguous("the query has a '%' that is not a percent-escape");
				}
				bytes.put((byte) (Character.digit(value.charAt(i + 1), 16) * 16
						+ Character.digit(value.charAt(i + 2), 16)));
				i += 2;
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ambiguous("the query's percent-escapes are not UTF-8");
		}
	}

	/** A parameter name as it may be shown: printable ASCII, at most 64 characters. */
	private static String safe(String name) {
		String printable = name.replaceAll("[^\\x21-\\x7e]", "?");
		return (printable.length() > 64) ? printable.substring(0, 64) + "…" : printable;
	}

	private static AwsAuthenticationException ambiguous(String reason) {
		return AwsAuthenticationException.ambiguous("Ambiguous SigV4 request: " + reason);
	}

}
