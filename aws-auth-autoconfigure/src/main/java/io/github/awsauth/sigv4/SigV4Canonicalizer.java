package io.github.awsauth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The canonical request of SigV4, built from the request as it was on the wire. The rules are
 * those of AWS's SigV4 test suite (every applicable case is a test):
 * <ul>
 * <li>path: optionally normalized (dot segments removed, empty segments collapsed, a trailing slash
 * kept), then URI-encoded once more, so that {@code /a%20b} is signed as {@code /a%2520b};</li>
 * <li>query: each name and value percent-decoded and re-encoded (RFC 3986 unreserved characters
 * kept), sorted by name, then value;</li>
 * <li>headers: the signed ones, lower-cased, values trimmed, runs of white space collapsed,
 * repeated headers joined with a comma in the order received.</li>
 * </ul>
 */
public final class SigV4Canonicalizer {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator.<String[], String>comparing(
			(pair) -> pair[0])
		.thenComparing((pair) -> pair[1]);

	private SigV4Canonicalizer() {
	}

	/**
	 * The canonical request.
	 * @param request the request
	 * @param authorization its SigV4 parameters
	 * @param payloadHash the hex payload hash to sign
	 * @param normalizePath whether the path is normalized first
	 * @return the canonical request
	 * @throws IllegalArgumentException if a signed header is missing
	 */
	public static String canonicalRequest(SigV4Request request, SigV4Authorization authorization,
			String payloadHash, boolean normalizePath) {
		StringBuilder canonical = new StringBuilder(256);
		canonical.append(request.method()).append('\n');
		canonical.append(canonicalUri(request.rawPath(), normalizePath)).append('\n');
		canonical.append(canonicalQuery(request.rawQuery(), authorization.presigned())).append('\n');
		for (String name : authorization.signedHeaders()) {
			List<String> values = request.header(name);
			if (values.isEmpty()) {
				throw new IllegalArgumentException("signed header " + name + " is missing");
			}
			canonical.append(name).append(':');
			for (int i = 0; i < values.size(); i++) {
				canonical.append((i > 0) ? "," : "").append(collapseWhitespace(values.get(i)));
			}
			canonical.append('\n');
		}
		canonical.append('\n').append(String.join(";", authorization.signedHeaders())).append('\n');
		return canonical.append(payloadHash).toString();
	}

	/**
	 * The canonical URI.
	 * @param rawPath the path as sent
	 * @param normalize whether to normalize it first
	 * @return the encoded path
	 */
	public static String canonicalUri(String rawPath, boolean normalize) {
		String path = rawPath.isEmpty() ? "/" : rawPath;
		if (normalize) {
			path = normalize(path);
		}
		return encode(path, true);
	}

	/**
	 * The canonical query string.
	 * @param rawQuery the query as sent, or {@code null}
	 * @param presigned whether to leave out {@code X-Amz-Signature}
	 * @return the canonical query
	 */
	public static String canonicalQuery(@Nullable String rawQuery, boolean presigned) {
		List<String[]> pairs = new ArrayList<>();
		for (QueryParameter parameter : queryParameters(rawQuery)) {
			if (presigned && parameter.name().equals("X-Amz-Signature")) {
				continue;
			}
			pairs.add(new String[] { encode(parameter.name(), false), encode(parameter.value(), false) });
		}
		pairs.sort(BY_NAME_THEN_VALUE);
		StringBuilder query = new StringBuilder();
		for (String[] pair : pairs) {
			query.append(query.isEmpty() ? "" : "&").append(pair[0]).append('=').append(pair[1]);
		}
		return query.toString();
	}

	/**
	 * The decoded parameters of a raw query, in order; pieces without a name are left out.
	 * @param rawQuery the query as sent, or {@code null}
	 * @return the parameters
	 */
	public static List<QueryParameter> queryParameters(@Nullable String rawQuery) {
		List<QueryParameter> parameters = new ArrayList<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String piece : rawQuery.split("&")) {
			int equals = piece.indexOf('=');
			String name = decode((equals < 0) ? piece : piece.substring(0, equals));
			String value = (equals < 0) ? "" : decode(piece.substring(equals + 1));
			if (!name.isEmpty()) {
				parameters.add(new QueryParameter(name, value));
			}
		}
		return parameters;
	}

	private static String normalize(String path) {
		if (isNormal(path)) {
			return path;
		}
		Deque<String> segments = new ArrayDeque<>();
		String[] parts = path.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			String segment = parts[i];
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				segments.pollLast();
				continue;
			}
			segments.addLast(segment);
		}
		String normalized = "/" + String.join("/", segments);
		boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
		return (trailingSlash && !normalized.endsWith("/")) ? normalized + "/" : normalized;
	}

	/**
	 * Whether normalizing would leave a path as it is, as most paths are: it starts with '/' and no
	 * segment but a trailing one is empty, and none is {@code .} or {@code ..}.
	 */
	private static boolean isNormal(String path) {
		if (!path.startsWith("/")) {
			return false;
		}
		int start = 1;
		while (start < path.length()) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = path.length();
			}
			String segment = path.substring(start, end);
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				return false;
			}
			start = end + 1;
		}
		return true;
	}

	/** Trimmed, each run of white space one space; most values have none, and are not copied. */
	static String collapseWhitespace(String value) {
		String stripped = value.strip();
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (isWhitespace(c) && (c != ' ' || isWhitespace(stripped.charAt(i + 1)))) {
				return WHITESPACE.matcher(stripped).replaceAll(" ");
			}
		}
		return stripped;
	}

	/** What {@code \\s} matches: the ASCII white space characters. */
	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/** RFC 3986 encoding of every byte but the unreserved characters (and '/' in paths). */
	static String encode(String value, boolean path) {
		if (isUnreserved(value, path)) {
			return value;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		StringBuilder encoded = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (isUnreserved(c, path)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(String value, boolean path) {
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i), path)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUnreserved(char c, boolean path) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
				|| c == '.' || c == '~' || (path && c == '/');
	}

	/** Percent-decoding only ('+' stays '+'); a malformed escape is kept as it is. */
	static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
					&& Character.digit(value.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
				i += 2;
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < value.length()) ? i + 2 : i + 1;
				byte[] raw = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
				i = end - 1;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A decoded query parameter.
	 *
	 * @param name the name
	 * @param value the value
	 */
	public record QueryParameter(String name, String value) {

	}

}
