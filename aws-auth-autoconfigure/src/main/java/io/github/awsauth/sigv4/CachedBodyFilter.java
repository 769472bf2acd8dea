package io.github.awsauth.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of a SigV4-signed request once, up to a limit, before anything else can read it,
 * so that the body whose hash is verified is the body the application sees through every API
 * ({@link VerifiedBodyRequest}). It must run before Spring's {@code HiddenHttpMethodFilter} and
 * {@code FormContentFilter}, which read form bodies before the security filter chain: it is a
 * servlet filter of its own, not a filter of the security chain. A larger body is not read: the
 * request is marked and the mechanism answers 413. Requests without SigV4 pass untouched.
 */
final class CachedBodyFilter extends OncePerRequestFilter {

	static final String BODY = CachedBodyFilter.class.getName() + ".body";

	static final String TOO_LARGE = CachedBodyFilter.class.getName() + ".tooLarge";

	private static final byte[] EMPTY = new byte[0];

	/** The largest body read: at most what one array holds. */
	private final int maxBodySize;

	CachedBodyFilter(long maxBodySize) {
		Assert.isTrue(maxBodySize >= 0, "the largest body must not be negative");
		this.maxBodySize = (int) Math.min(maxBodySize, Integer.MAX_VALUE - 9L);
	}

	/**
	 * Its own once-per-request marker: the preparing filters share one registration, and so the
	 * name from which Spring derives the marker.
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return CachedBodyFilter.class.getName() + ".FILTERED";
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
		if (carriesNoBody(request)) {
			// nothing to read, and the container's own stream and reader stay usable: no wrapper
			request.setAttribute(BODY, EMPTY);
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = read(in, request.getContentLengthLong());
		}
		if (body.length > this.maxBodySize) {
			request.setAttribute(TOO_LARGE, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(BODY, body);
		chain.doFilter(new VerifiedBodyRequest(request, body), response);
	}

	/**
	 * An HTTP/1 request has a body only when it declares one, by a length or a transfer coding (RFC
	 * 9112, section 6.3), and the container reads no more than it declares. Other protocols frame
	 * the body themselves, so their body is read whatever the headers say.
	 */
	private static boolean carriesNoBody(HttpServletRequest request) {
		return request.getProtocol().startsWith("HTTP/1.") && request.getContentLengthLong() <= 0
				&& request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
	}

	/**
	 * The body, and one byte more when it is larger than allowed. A declared length is read into an
	 * array of that length; an empty body, as nearly every GET has, costs no buffer
	 * ({@code readNBytes} starts with 8 KiB whatever comes); a body of unknown length is read up to the
	 * limit.
	 */
	private byte[] read(InputStream in, long contentLength) throws IOException {
		if (contentLength >= 0) {
			byte[] body = new byte[(int) contentLength];
			int read = in.readNBytes(body, 0, body.length);
			return (read == body.length) ? body : Arrays.copyOf(body, read);
		}
		int first = in.read();
		if (first == -1) {
			return EMPTY;
		}
		byte[] rest = in.readNBytes(this.maxBodySize);
		byte[] body = new byte[rest.length + 1];
		body[0] = (byte) first;
		System.arraycopy(rest, 0, body, 1, rest.length);
		return body;
	}

}
