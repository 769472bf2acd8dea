package io.github.awsauth.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

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

	private final List<String> remembered;

	/**
	 * What each remembered header held, by its index, once read. A request is served by one thread
	 * at a time, and what is kept is immutable.
	 */
	private final @Nullable List<?>[] read;

	/**
	 * Wrap a request.
	 * @param request the request
	 * @param remembered the names of the headers to read once, the credential headers, each once
	 */
	HeaderReadOnceRequest(HttpServletRequest request, List<String> remembered) {
		super(request);
		this.remembered = remembered;
		this.read = new List<?>[remembered.size()];
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

	/**
	 * The values of a remembered header, read from the request below by its remembered name, or
	 * {@code null} for a header that is not remembered. Every header read goes through here, so the
	 * few names are compared in place rather than the name lower-cased and hashed.
	 */
	@SuppressWarnings("unchecked")
	private @Nullable List<String> values(String name) {
		for (int index = 0; index < this.read.length; index++) {
			String header = this.remembered.get(index);
			if (header.equalsIgnoreCase(name)) {
				if (this.read[index] == null) {
					Enumeration<String> values = super.getHeaders(header);
					this.read[index] = (values != null && values.hasMoreElements())
							? List.copyOf(Collections.list(values)) : ABSENT;
				}
				return (List<String>) this.read[index];
			}
		}
		return null;
	}

}
