package io.github.awsauth.sigv4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of a SigV4-signed request once, up to a limit, so that its hash can be checked
 * and the controller can still read it. A larger body is not read: the request is marked and the
 * mechanism answers 413. Requests without SigV4 pass untouched.
 */
final class CachedBodyFilter extends OncePerRequestFilter {

	static final String BODY = CachedBodyFilter.class.getName() + ".body";

	static final String TOO_LARGE = CachedBodyFilter.class.getName() + ".tooLarge";

	private final long maxBodySize;

	CachedBodyFilter(long maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SigV4AuthorizationParser.isSigV4(request.getHeader("Authorization"), request.getQueryString())) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBodySize) {
			request.setAttribute(TOO_LARGE, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
		}
		if (body.length > this.maxBodySize) {
			request.setAttribute(TOO_LARGE, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(BODY, body);
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
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
		public java.io.BufferedReader getReader() {
			String encoding = (getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8";
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
