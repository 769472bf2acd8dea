package io.github.awsauth.sigv4;

import io.github.awsauth.core.AwsAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Queries SigV4 and the servlet container would read differently are refused with 400; every
 * other query passes.
 */
class UnambiguousQueryTests {

	@ParameterizedTest
	@ValueSource(strings = { "a=1", "a=1&b=2", "v=1&v=2", "v=a&v=b&w=0", "flag", "a=%2B%20", "k=%E2%82%AC", "&&a=1",
			"v=&v=x", "=x", "V=2&v=1", "v=1&v=1", "v=%2B&v=%2B", "a=%30%0A" })
	void unambiguousQueryPasses(String query) {
		assertThatCode(() -> UnambiguousQuery.check(query)).doesNotThrowAnyException();
	}

	@Test
	void noQueryPasses() {
		assertThatCode(() -> UnambiguousQuery.check(null)).doesNotThrowAnyException();
		assertThatCode(() -> UnambiguousQuery.check("")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+a=1", "a=b+c", "a+b=c", "v=%32&v=%31", "v=%", "=%zz", "x=%4", "v=2&v=1", "v=b&w=0&v=a", "v=%zz", "v=%4", "v=%", "v=%C3",
			"%FF=1", "v=%ED%A0%80" })
	void ambiguousQueryIsABadRequest(String query) {
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> UnambiguousQuery.check(query))
			.withMessageStartingWith("Ambiguous SigV4 request")
			.satisfies((refused) -> assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void repeatedValuesAreComparedAsTheyAreSigned() {
		// signed sorted by their encoding: "%2B" sorts before "A"
		assertThatCode(() -> UnambiguousQuery.check("v=%2B&v=A")).doesNotThrowAnyException();
		assertThat(catchThrowableOfType(AwsAuthenticationException.class, () -> UnambiguousQuery.check("v=A&v=%2B")))
			.hasMessageContaining("'v'");
	}

}
