package io.github.awsauth.jwt;

import java.time.Duration;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason of a refused bearer token is read from the messages the starter's decoder,
 * validators and resolver give, which Spring Security passes on as the error description.
 */
class JwtFailureReasonsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Jwt expired at 2026-12-02T10:00:00Z                                  | EXPIRED
			Token was issued to another audience; Jwt expired at 2026-12-02T10:00:00Z | EXPIRED
			Jwt used before 2026-12-02T10:00:00Z                                 | EXPIRED
			Invalid signature                                                    | BAD_SIGNATURE
			Unsigned or encrypted tokens are not accepted                        | BAD_SIGNATURE
			No signing key of the issuer matches the token's kid and algorithm   | UNKNOWN_KEY
			Token issuer is not trusted                                          | UNKNOWN_ISSUER
			Malformed token                                                      | MALFORMED
			Bearer token is malformed                                            | MALFORMED
			Found multiple bearer tokens in the request                          | AMBIGUOUS
			Bearer token is larger than 16384 characters                         | TOO_LARGE
			Token was issued to another audience                                 | INVALID
			Token could not be verified                                          | INVALID
			""")
	void readsTheReasonFromTheDescription(String description, AuthenticationFailureReason reason) {
		assertThat(JwtFailureReasons.of(new InvalidBearerTokenException(description))).isEqualTo(reason);
	}

	@Test
	void unavailableKeysAreTheReasonOfTheStartersExceptionInside() {
		AwsAuthenticationException unavailable = AwsAuthenticationException.unavailable("keys down",
				Duration.ofSeconds(10), null);
		assertThat(JwtFailureReasons.of(new AuthenticationServiceException("keys down", unavailable)))
			.isEqualTo(AuthenticationFailureReason.UPSTREAM_UNAVAILABLE);
	}

}
