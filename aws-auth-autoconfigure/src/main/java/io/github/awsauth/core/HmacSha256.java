package io.github.awsauth.core;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 with one key, made once: each use gets a copy of a MAC already keyed, which skips the
 * provider look-up and the key schedule that most of a short MAC costs (as {@link Sha256} does for
 * digests). Used for SigV4's derived signing keys and the seals of shared cache values.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] key;

	/** A keyed MAC to copy, or {@code null} where the provider's MACs cannot be copied. */
	private final @Nullable Mac prototype;

	/**
	 * Key a MAC.
	 * @param key the key
	 */
	public HmacSha256(byte[] key) {
		this.key = key.clone();
		this.prototype = cloneable(newMac(this.key));
	}

	/**
	 * The MAC of some bytes with a key used once.
	 * @param key the key
	 * @param data the bytes
	 * @return the 32-byte MAC
	 */
	public static byte[] of(byte[] key, byte[] data) {
		return newMac(key).doFinal(data);
	}

	/**
	 * A MAC with this key, ready for its input; one per use, since a MAC is not thread-safe.
	 * @return the MAC
	 */
	public Mac mac() {
		if (this.prototype != null) {
			try {
				return (Mac) this.prototype.clone();
			}
			catch (CloneNotSupportedException ex) {
				// checked when the key was made
			}
		}
		return newMac(this.key);
	}

	private static Mac newMac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static @Nullable Mac cloneable(Mac mac) {
		try {
			mac.clone();
			return mac;
		}
		catch (CloneNotSupportedException ex) {
			return null;
		}
	}

}
