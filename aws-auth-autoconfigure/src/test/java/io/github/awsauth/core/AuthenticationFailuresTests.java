package io.github.awsauth.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure line quotes only printable ASCII: a certificate subject with a line break in it
 * cannot forge a line of its own.
 */
class AuthenticationFailuresTests {

	@Test
	void everyCharacterButPrintableAsciiIsAQuestionMark() {
		assertThat(AuthenticationFailures.printable("Client certificate not allowed: CN=a\r\nINJECTED b\u001b\u00e9\u2028"))
			.isEqualTo("Client certificate not allowed: CN=a??INJECTED b???");
		assertThat(AuthenticationFailures.printable(" ~!")).isEqualTo(" ~!");
	}

}
