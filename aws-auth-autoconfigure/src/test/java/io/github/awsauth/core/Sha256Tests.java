package io.github.awsauth.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digests the credential caches are keyed by.
 */
class Sha256Tests {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void digestIsThePublishedSha256() {
		assertThat(Sha256.digest("abc")).hasToString(ABC);
		assertThat(Sha256.hex("abc")).isEqualTo(ABC);
	}

	@Test
	void digestsOfTheSameTextAreOneKeyAndTextOneByteApartIsAnother() {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
		Sha256.Digest digest = Sha256.digest(token);
		assertThat(Sha256.digest(new String(token.toCharArray()))).isEqualTo(digest).hasSameHashCodeAs(digest);
		assertThat(Sha256.digest(token.substring(0, token.length() - 1) + "M")).isNotEqualTo(digest);
		assertThat(Sha256.digest("ab")).isNotEqualTo(Sha256.digest("abc"))
			.doesNotHaveSameHashCodeAs(Sha256.digest("abc"));
		assertThat(digest.compareTo(Sha256.digest(token))).isZero();
		assertThat(Sha256.digest("a").compareTo(Sha256.digest("b")))
			.as("bytes compared unsigned: ca97… after 3e23…, which signed bytes would put first")
			.isPositive();
	}

}
