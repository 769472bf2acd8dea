package io.github.awsauth.testapp;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a credential a test sent appears in no log line, at any level: the whole captured
 * output is searched for the credential and for its distinctive tail (the signature part of most
 * credentials), so a credential logged truncated or re-encoded at its start is found too.
 */
public final class LogAssertions {

	private LogAssertions() {
	}

	public static void assertNotLogged(CapturedOutput output, String credential) {
		String all = output.getAll();
		assertThat(all).as("the credential is in the log").doesNotContain(credential);
		if (credential.length() > 48) {
			assertThat(all).as("the end of the credential is in the log")
				.doesNotContain(credential.substring(credential.length() - 32));
		}
	}

}
