package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmacSha256}.
 */
class HmacSha256Tests {

	private static final byte[] KEY = "key".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DATA = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

	/** The widely published HMAC-SHA256 of this key and message. */
	private static final String EXPECTED = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

	@Test
	void macIsHmacSha256WithTheKey() {
		assertThat(HexFormat.of().formatHex(HmacSha256.of(KEY, DATA))).isEqualTo(EXPECTED);
		assertThat(HexFormat.of().formatHex(new HmacSha256(KEY).mac().doFinal(DATA))).isEqualTo(EXPECTED);
	}

	@Test
	void eachUseGetsItsOwnMac() {
		HmacSha256 hmac = new HmacSha256(KEY);
		Mac first = hmac.mac();
		Mac second = hmac.mac();
		first.update(DATA, 0, 10);
		second.update(DATA);
		first.update(DATA, 10, DATA.length - 10);
		assertThat(HexFormat.of().formatHex(first.doFinal())).isEqualTo(EXPECTED);
		assertThat(HexFormat.of().formatHex(second.doFinal())).isEqualTo(EXPECTED);
		assertThat(HexFormat.of().formatHex(hmac.mac().doFinal(DATA))).isEqualTo(EXPECTED);
	}

}
