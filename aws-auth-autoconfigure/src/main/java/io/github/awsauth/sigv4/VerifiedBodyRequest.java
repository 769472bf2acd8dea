package io.github.awsauth.sigv4;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A request whose body was read once and is served from memory: the bytes whose hash SigV4
 * verifies are exactly what {@link #getInputStream()}, {@link #getReader()} and, for a form
 * {@code POST}, {@link #getParameter(String)} return. The container can no longer parse a form body
 * itself once the stream was read, so the parameters of a form {@code POST} are the query's (as the
 * container decodes them) followed by the body's, as the Servlet specification defines them. Form
 * bodies of other methods are left to Spring's {@code FormContentFilter}, which reads them from
 * this request's stream.
 */
final class VerifiedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private @Nullable Map<String, String[]> parameters;

	VerifiedBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return in.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("the body was already read");
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	@Override
	public @Nullable String getParameter(String name) {
		String[] values = getParameterMap().get(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		String[] values = getParameterMap().get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		if (this.parameters == null) {
			this.parameters = isFormPost() ? queryAndForm() : super.getParameterMap();
		}
		return this.parameters;
	}

	private boolean isFormPost() {
		if (!HttpMethod.POST.matches(getMethod()) || getContentType() == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(getContentType()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Map<String, String[]> queryAndForm() {
		Map<String, List<String>> merged = new LinkedHashMap<>();
		super.getParameterMap().forEach((name, values) -> merged.computeIfAbsent(name, (n) -> new ArrayList<>())
			.addAll(List.of(values)));
		Charset charset = charset();
		for (String pair : new String(this.body, StandardCharsets.ISO_8859_1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), charset);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), charset);
			if (name != null && value != null && !name.isEmpty()) {
				merged.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
			}
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		merged.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return Collections.unmodifiableMap(parameters);
	}

	/** Form decoding of bytes read as ISO-8859-1; a malformed escape drops the pair, as Tomcat does. */
	private static @Nullable String decode(String latin1, Charset charset) {
		try {
			String bytes = URLDecoder.decode(latin1, StandardCharsets.ISO_8859_1);
			return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		if (encoding == null) {
			return StandardCharsets.UTF_8;
		}
		try {
			return Charset.forName(encoding);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
