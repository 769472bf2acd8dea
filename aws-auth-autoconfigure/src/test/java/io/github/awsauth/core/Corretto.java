package io.github.awsauth.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Amazon Corretto Crypto Provider for the tests of it: the test class path has its linux-x86_64
 * build, so on another platform these tests are skipped rather than failed.
 */
public final class Corretto {

	private Corretto() {
	}

	public static CryptoProvider assumeAvailable() {
		CryptoProvider crypto = CryptoProvider.of(CryptoProvider.Choice.AUTO);
		assumeTrue(crypto.provider() != null, "Amazon Corretto Crypto Provider does not load on this platform");
		return crypto;
	}

}
