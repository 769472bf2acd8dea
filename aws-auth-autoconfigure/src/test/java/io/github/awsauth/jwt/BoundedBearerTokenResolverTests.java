package io.github.awsauth.jwt;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter reads bearer headers without a regular expression; these tests hold it to what
 * Spring Security's {@link DefaultBearerTokenResolver} reads, refuses and ignores.
 */
class BoundedBearerTokenResolverTests {

	private static final String ALPHABET = "BbEeAaRr \t=.-_~+/09zZ%:,\n\u00e9\u212a\u0130";

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BoundedBearerTokenResolver starter = new BoundedBearerTokenResolver(16_384);

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "bearer abc", "BEARER a.b-c_d~e+f/g==", "Bearer a=", "Bearer ", "Bearer",
			"Bearerabc", "Bearer  abc", "Bearer abc ", "Bearer a=b", "Bearer =", "Bearer\tabc", "Bearer abc\n",
			"Basic abc", "", "bear", "Bearer abc,Bearer def", "Bearer ab\u00e9", "Bearer a%20" })
	void readsEachHeaderAsSpringDoes(String header) {
		assertThat(outcome(this.starter, header)).as("[%s]", header).isEqualTo(outcome(this.spring, header));
	}

	@Test
	void readsRandomHeadersAsSpringDoes() {
		Random random = new Random(20261202);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder header = new StringBuilder((random.nextInt(4) == 0) ? "" : "Bearer ");
			for (int length = random.nextInt(12); length > 0; length--) {
				header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			String value = header.toString();
			assertThat(outcome(this.starter, value)).as("[%s]", value).isEqualTo(outcome(this.spring, value));
		}
	}

	@Test
	void refusesATokenLongerThanTheLimit() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + "a".repeat(11));
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> new BoundedBearerTokenResolver(10).resolve(request))
			.withMessage("Bearer token is larger than 10 characters");
	}

	private static String outcome(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", header);
		try {
			return "token " + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

}
