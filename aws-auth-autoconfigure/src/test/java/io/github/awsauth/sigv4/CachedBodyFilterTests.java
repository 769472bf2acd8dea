package io.github.awsauth.sigv4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CachedBodyFilter}: the body a signed request's verifier and application get, and
 * where it is too large, with its length declared or not (chunked).
 */
class CachedBodyFilterTests {

	@ParameterizedTest(name = "limit {0}, body of {1}, length declared: {2}")
	@CsvSource({ "0, 0, true", "0, 0, false", "0, 1, true", "0, 1, false", "1, 1, true", "1, 1, false", "1, 2, true",
			"1, 2, false", "5, 5, false", "5, 6, false", "9223372036854775807, 5, true",
			"9223372036854775807, 5, false" })
	void aBodyUpToTheLimitIsReadWholeAndALargerOneIsMarked(long limit, int size, boolean declared)
			throws ServletException, IOException {
		byte[] content = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest signed = new MockHttpServletRequest("POST", "/api/echo");
		signed.addHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/eu-west-1/execute-api/aws4_request");
		signed.setContent(content);
		if (!declared) {
			signed.addHeader("Transfer-Encoding", "chunked");
		}
		HttpServletRequest request = declared ? signed : new HttpServletRequestWrapper(signed) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}
		};
		MockFilterChain chain = new MockFilterChain();
		new CachedBodyFilter(limit).doFilter(request, new MockHttpServletResponse(), chain);
		if (size <= limit) {
			assertThat(signed.getAttribute(CachedBodyFilter.TOO_LARGE)).isNull();
			assertThat((byte[]) signed.getAttribute(CachedBodyFilter.BODY)).isEqualTo(content);
			assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(content);
		}
		else {
			assertThat(signed.getAttribute(CachedBodyFilter.TOO_LARGE)).isEqualTo(Boolean.TRUE);
			assertThat(signed.getAttribute(CachedBodyFilter.BODY)).isNull();
		}
	}

	@Test
	void aBodyShorterThanItsDeclaredLengthIsWhatArrived() throws ServletException, IOException {
		byte[] content = "short".getBytes(StandardCharsets.UTF_8);
		MockHttpServletRequest signed = new MockHttpServletRequest("POST", "/api/echo");
		signed.addHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261202/eu-west-1/execute-api/aws4_request");
		signed.setContent(content);
		HttpServletRequest request = new HttpServletRequestWrapper(signed) {
			@Override
			public long getContentLengthLong() {
				return 8;
			}
		};
		new CachedBodyFilter(16).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		assertThat((byte[]) signed.getAttribute(CachedBodyFilter.BODY)).isEqualTo(content);
	}

	@ParameterizedTest(name = "{0} with Content-Length {1}")
	@CsvSource({ "HTTP/1.1, -1", "HTTP/1.1, 0", "HTTP/1.0, -1" })
	void anHttp1RequestThatDeclaresNoBodyIsPassedOnUnwrappedWithAnEmptyBody(String protocol, int length)
			throws ServletException, IOException {
		MockHttpServletRequest signed = signedGet(protocol, length);
		MockFilterChain chain = new MockFilterChain();
		new CachedBodyFilter(16).doFilter(signed, new MockHttpServletResponse(), chain);
		assertThat((byte[]) signed.getAttribute(CachedBodyFilter.BODY)).isEmpty();
		assertThat(chain.getRequest()).isSameAs(signed);
		assertThat(chain.getRequest().getReader().read()).isEqualTo(-1);
	}

	@ParameterizedTest(name = "{0} with Content-Length {1}")
	@CsvSource({ "HTTP/2.0, -1", "HTTP/2.0, 0" })
	void aRequestOfAnotherProtocolIsReadWhateverItsHeadersSay(String protocol, int length)
			throws ServletException, IOException {
		MockHttpServletRequest signed = signedGet(protocol, length);
		signed.setContent("framed".getBytes(StandardCharsets.UTF_8));
		HttpServletRequest request = new HttpServletRequestWrapper(signed) {
			@Override
			public long getContentLengthLong() {
				return length;
			}
		};
		MockFilterChain chain = new MockFilterChain();
		new CachedBodyFilter(16).doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isInstanceOf(VerifiedBodyRequest.class);
		assertThat(chain.getRequest().getInputStream().readAllBytes())
			.isEqualTo((byte[]) signed.getAttribute(CachedBodyFilter.BODY));
	}

	private static MockHttpServletRequest signedGet(String protocol, int length) {
		MockHttpServletRequest signed = new MockHttpServletRequest("GET", "/api/echo");
		signed.setProtocol(protocol);
		signed.addHeader("Authorization",
				"AWS4-HMAC-SHA256 Credential=AKID/20261202/eu-west-1/execute-api/aws4_request");
		if (length >= 0) {
			signed.addHeader("Content-Length", length);
			signed.setContent(new byte[length]);
		}
		return signed;
	}

	@ParameterizedTest
	@CsvSource({ "-1", "-9223372036854775808" })
	void aNegativeLimitIsRefused(long limit) {
		assertThatIllegalArgumentException().isThrownBy(() -> new CachedBodyFilter(limit));
	}

}
