package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256, which every JVM has: the digests the mechanisms key their caches by, hash keys with and
 * sign over, without each handling an exception that cannot happen.
 */
public final class Sha256 {

	private static final HexFormat HEX = HexFormat.of();

	/** Copied for each digest, which skips the provider look-up that most of a short digest costs. */
	private static final MessageDigest PROTOTYPE = newDigest();

	private Sha256() {
	}

	/**
	 * The SHA-256 of some bytes.
	 * @param data the bytes
	 * @return the 32-byte digest
	 */
	public static byte[] of(byte[] data) {
		return digest().digest(data);
	}

	/**
	 * The lower-case hex SHA-256 of a string's UTF-8 bytes, for example a cache key of a credential.
	 * @param value the string
	 * @return 64 hex digits
	 */
	public static String hex(String value) {
		return HEX.formatHex(of(value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The SHA-256 of a string's UTF-8 bytes as a key of an in-memory cache of credentials: the
	 * digest as it is, without writing 64 hex digits first.
	 * @param value the string
	 * @return its digest
	 */
	public static Digest digest(String value) {
		return new Digest(of(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newDigest();
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * A SHA-256 digest, equal to another of the same bytes. It is {@link Comparable}, so that a
	 * hash map's crowded bin of digests whose hash codes collide is still searched as a tree.
	 */
	public static final class Digest implements Comparable<Digest> {

		private final byte[] bytes;

		private Digest(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Digest digest && Arrays.equals(this.bytes, digest.bytes);
		}

		/** The digest's first four bytes: as evenly spread as a hash can be. */
		@Override
		public int hashCode() {
			return (this.bytes[0] << 24) | ((this.bytes[1] & 0xFF) << 16) | ((this.bytes[2] & 0xFF) << 8)
					| (this.bytes[3] & 0xFF);
		}

		@Override
		public int compareTo(Digest other) {
			return Arrays.compareUnsigned(this.bytes, other.bytes);
		}

		@Override
		public String toString() {
			return HEX.formatHex(this.bytes);
		}

	}

}
