package io.github.awsauth.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request whose credential headers are read from the request below (and so validated by the
 * firewall, a regular expression over the whole value) once, however often the mechanisms, their
 * converters and the bearer-token resolver ask for them. A request's headers do not change while
 * it is served, so what the first read returned is what every later one would.
 */
final class HeaderReadOnceRequest extends HttpServletRequestWrapper {

	private static final List<String> ABSENT = List.of();

	private final Map<String, List<String>> read = new ConcurrentHashMap<>();

	private final Set<String> remembered;

	/**
	 * Wrap a request.
	 * @param request the request
	 * @param remembered the lower-case names of the headers to read once: the credential headers
	 */
	HeaderReadOnceRequest(HttpServletRequest request, Set<String> remembered) {
		super(request);
		this.remembered = remembered;
	}

	@Override
	public @Nullable String getHeader(String name) {
		List<String> values = values(name);
		if (values == null) {
			return super.getHeader(name);
		}
		return values.isEmpty() ? null : values.get(0);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		List<String> values = values(name);
		return (values != null) ? Collections.enumeration(values) : super.getHeaders(name);
	}

	/** The values of a remembered header, or {@code null} for a header that is not remembered. */
	private @Nullable List<String> values(String name) {
		String key = name.toLowerCase(Locale.ROOT);
		if (!this.remembered.contains(key)) {
			return null;
		}
		return this.read.computeIfAbsent(key, (header) -> {
			Enumeration<String> values = super.getHeaders(header);
			return (values != null && values.hasMoreElements()) ? List.copyOf(Collections.list(values)) : ABSENT;
		});
	}

}
