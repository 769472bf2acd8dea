package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, which every JVM has: the digests the mechanisms key their caches by, hash keys with and
 * sign over, without each handling an exception that cannot happen.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * The SHA-256 of some bytes.
	 * @param data the bytes
	 * @return the 32-byte digest
	 */
	public static byte[] of(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The lower-case hex SHA-256 of a string's UTF-8 bytes, for example a cache key of a credential.
	 * @param value the string
	 * @return 64 hex digits
	 */
	public static String hex(String value) {
		return HexFormat.of().formatHex(of(value.getBytes(StandardCharsets.UTF_8)));
	}

}
