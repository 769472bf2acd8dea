package io.github.awsauth.apikey;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An issued API key as the service stores it: never the key, only its SHA-256.
 *
 * @param id the key's id, which names the caller ({@code AwsPrincipal#getName()})
 * @param sha256 the SHA-256 of the key's UTF-8 bytes (32 bytes)
 * @param authorities the authorities the key grants
 * @param expiresAt when the key stops working, or {@code null} for never
 * @param disabled whether the key was switched off
 */
public record ApiKey(String id, byte[] sha256, List<String> authorities, @Nullable Instant expiresAt,
		boolean disabled) {

	/**
	 * Create a stored key.
	 * @param id the key's id
	 * @param sha256 the key's SHA-256
	 * @param authorities the authorities it grants
	 * @param expiresAt when it expires, or {@code null}
	 * @param disabled whether it is disabled
	 */
	public ApiKey {
		if (sha256.length != 32) {
			throw new IllegalArgumentException("the SHA-256 of key '" + id + "' is not 32 bytes");
		}
		sha256 = sha256.clone();
		authorities = List.copyOf(authorities);
	}

	@Override
	public byte[] sha256() {
		return this.sha256.clone();
	}

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", authorities=" + this.authorities + ", expiresAt=" + this.expiresAt
				+ ", disabled=" + this.disabled + "]";
	}

}
