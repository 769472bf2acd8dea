package io.github.awsauth.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential header is read from the request below once, in any case of its name, with every
 * value kept (a header sent twice is still seen twice); other headers pass through.
 */
class HeaderReadOnceRequestTests {

	private final AtomicInteger reads = new AtomicInteger();

	private final MockHttpServletRequest below = new MockHttpServletRequest("GET", "/api/me") {

		@Override
		public Enumeration<String> getHeaders(String name) {
			HeaderReadOnceRequestTests.this.reads.incrementAndGet();
			return super.getHeaders(name);
		}

		@Override
		public String getHeader(String name) {
			HeaderReadOnceRequestTests.this.reads.incrementAndGet();
			return super.getHeader(name);
		}

	};

	@Test
	void credentialHeaderIsReadOnceWhoeverAsks() {
		this.below.addHeader("Authorization", "Bearer eyJ.a.b");
		HeaderReadOnceRequest request = new HeaderReadOnceRequest(this.below, List.of("authorization", "x-api-key"));
		for (int i = 0; i < 5; i++) {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer eyJ.a.b");
			assertThat(Collections.list(request.getHeaders("authorization"))).containsExactly("Bearer eyJ.a.b");
		}
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void eachRememberedHeaderIsKeptApartInAnyCaseOfItsName() {
		this.below.addHeader("Authorization", "Bearer eyJ.a.b");
		this.below.addHeader("X-Api-Key", "key");
		HeaderReadOnceRequest request = new HeaderReadOnceRequest(this.below, List.of("authorization", "x-api-key"));
		assertThat(request.getHeader("x-api-key")).isEqualTo("key");
		assertThat(request.getHeader("AUTHORIZATION")).isEqualTo("Bearer eyJ.a.b");
		assertThat(request.getHeader("X-API-KEY")).isEqualTo("key");
		assertThat(request.getHeader("authorization")).isEqualTo("Bearer eyJ.a.b");
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void absentHeaderIsAbsentEveryTime() {
		HeaderReadOnceRequest request = new HeaderReadOnceRequest(this.below, List.of("x-api-key"));
		assertThat(request.getHeader("X-Api-Key")).isNull();
		assertThat(request.getHeaders("X-Api-Key").hasMoreElements()).isFalse();
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void headerSentTwiceIsStillSeenTwice() {
		this.below.addHeader("Authorization", "Bearer one");
		this.below.addHeader("Authorization", "Bearer two");
		HeaderReadOnceRequest request = new HeaderReadOnceRequest(this.below, List.of("authorization"));
		assertThat(Collections.list(request.getHeaders("Authorization"))).containsExactly("Bearer one", "Bearer two");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer one");
	}

	@Test
	void otherHeadersPassThrough() {
		this.below.addHeader("Accept", "application/json");
		HeaderReadOnceRequest request = new HeaderReadOnceRequest(this.below, List.of("authorization"));
		request.getHeader("Accept");
		request.getHeader("Accept");
		assertThat(this.reads).hasValue(2);
	}

}
