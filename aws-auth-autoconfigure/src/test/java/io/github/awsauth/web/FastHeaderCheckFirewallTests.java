package io.github.awsauth.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faster firewall accepts and refuses exactly the header names, header values and parameter
 * names that Spring Security's default {@link StrictHttpFirewall} does: held side by side over
 * hand-picked strings and random ones, so that an upgrade of Spring Security that changes the
 * default fails here.
 */
class FastHeaderCheckFirewallTests {

	private static final String[] PIECES = { "a", "Z", "0", " ", "~", "=", "+", "/", "\t", "\u0000", "\n", "\r",
			"\u001f", "\u007f", "\u0085", "\u00a0", "é", "\u2028", "\u2029", "\u0378", "\ud800", "\udc00",
			"\ud83d\ude00", "\ufeff", "\uffff" };

	private final HttpFirewall strict = new StrictHttpFirewall();

	private final HttpFirewall fast = new FastHeaderCheckFirewall();

	@Test
	void headerValuesAreJudgedAsByTheStrictFirewall() {
		assertSameJudgement((firewall, value) -> header(firewall, "X-Test", value));
	}

	@Test
	void headerNamesAreJudgedAsByTheStrictFirewall() {
		assertSameJudgement((firewall, name) -> header(firewall, "X" + name, "value"));
	}

	@Test
	void parameterNamesAreJudgedAsByTheStrictFirewall() {
		assertSameJudgement((firewall, name) -> {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api");
			request.addParameter("p" + name, "value");
			return accepted(() -> firewall.getFirewalledRequest(request).getParameterMap());
		});
	}

	@Test
	void printableAsciiAndTabsInValuesAreAcceptedAndControlCharactersRefused() {
		assertThat(header(this.fast, "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(header(this.fast, "X-Test", "a\tb")).isTrue();
		assertThat(header(this.fast, "X-Test", "a\nb")).isFalse();
		assertThat(header(this.fast, "X-Test", "a\u0000b")).isFalse();
		assertThat(header(this.fast, "X-Test", "é")).isTrue();
		assertThat(header(this.fast, "X-Test", "\u0378")).isFalse();
	}

	private void assertSameJudgement(BiFunction<HttpFirewall, String, Boolean> judged) {
		List<String> inputs = new ArrayList<>(List.of(PIECES));
		for (char c = 0; c <= 0xff; c++) {
			inputs.add(String.valueOf(c));
			inputs.add("a" + c + "b");
		}
		Random random = new Random(20261202);
		for (int i = 0; i < 5_000; i++) {
			StringBuilder input = new StringBuilder();
			for (int length = 1 + random.nextInt(6); length > 0; length--) {
				input.append(PIECES[random.nextInt(PIECES.length)]);
			}
			inputs.add(input.toString());
		}
		int refused = 0;
		for (String input : inputs) {
			boolean strictAccepts = judged.apply(this.strict, input);
			assertThat(judged.apply(this.fast, input)).as("[%s]", escaped(input)).isEqualTo(strictAccepts);
			refused += strictAccepts ? 0 : 1;
		}
		assertThat(refused).as("the corpus has refused strings too").isGreaterThan(100);
	}

	private static boolean header(HttpFirewall firewall, String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api");
		request.addHeader(name, value);
		return accepted(() -> {
			HttpServletRequest firewalled = firewall.getFirewalledRequest(request);
			firewalled.getHeaderNames().asIterator().forEachRemaining(firewalled::getHeader);
		});
	}

	private static boolean accepted(Runnable read) {
		try {
			read.run();
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

	private static String escaped(String value) {
		StringBuilder escaped = new StringBuilder();
		value.chars().forEach((c) -> escaped.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c)
				: String.format("\\u%04x", c)));
		return escaped.toString();
	}

}
