package io.github.awsauth.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request as it was on the wire, independent of the servlet API: what SigV4 signs.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param rawQuery the query exactly as sent, or {@code null}
 * @param headers the headers by lower-case name, values in the order received
 * @param body the body
 */
public record SigV4Request(String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers,
		byte[] body) {

	/**
	 * Copy the arguments, lower-casing the header names.
	 */
	public SigV4Request {
		Map<String, List<String>> lower = new LinkedHashMap<>();
		headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
				SigV4Request::joined));
		headers = Collections.unmodifiableMap(lower);
	}

	private static List<String> joined(List<String> first, List<String> then) {
		List<String> values = new ArrayList<>(first);
		values.addAll(then);
		return List.copyOf(values);
	}

	/**
	 * The values of a header.
	 * @param name the header name, in any case
	 * @return its values, empty if absent
	 */
	public List<String> header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

}
