package io.github.awsauth.testapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The base64 forms the credentials under test use, of UTF-8 text.
 */
public final class Encoding {

	private Encoding() {
	}

	/** Standard base64 with padding (Vault's login fields). */
	public static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** base64url without padding (JWT segments, IAM tokens). */
	public static String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** base64url with padding (the segments of an ALB header). */
	public static String base64UrlPadded(String text) {
		return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
