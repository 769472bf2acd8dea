package io.github.awsauth.apikey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * API keys ({@code aws.auth.api-keys}).
 */
public class ApiKeyProperties {

	/**
	 * Whether callers may authenticate with an API key.
	 */
	private boolean enabled;

	/**
	 * The request header that carries the key. A key in the query string is never read.
	 */
	private String header = "X-Api-Key";

	/**
	 * The longest key read; a longer header is refused with 401 before it is hashed.
	 */
	private DataSize maxKeyLength = DataSize.ofBytes(512);

	/**
	 * The issued keys, by their SHA-256. Ignored when the application declares an ApiKeyStore bean.
	 */
	private List<Key> keys = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

	public DataSize getMaxKeyLength() {
		return this.maxKeyLength;
	}

	public void setMaxKeyLength(DataSize maxKeyLength) {
		this.maxKeyLength = maxKeyLength;
	}

	public List<Key> getKeys() {
		return this.keys;
	}

	public void setKeys(List<Key> keys) {
		this.keys = keys;
	}

	/**
	 * One issued key.
	 */
	public static class Key {

		/**
		 * The key's id, which names the caller; unique.
		 */
		private @Nullable String id;

		/**
		 * The SHA-256 of the key's UTF-8 bytes, 64 hex digits ({@code printf %s "$KEY" | sha256sum}).
		 */
		private @Nullable String sha256;

		/**
		 * The authorities the key grants.
		 */
		private List<String> authorities = new ArrayList<>();

		/**
		 * When the key stops working (ISO-8601, for example 2027-06-30T00:00:00Z); never when unset.
		 */
		private @Nullable Instant expiresAt;

		/**
		 * Whether the key is switched off (it is refused like an unknown key, but logged as disabled).
		 */
		private boolean disabled;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getSha256() {
			return this.sha256;
		}

		public void setSha256(@Nullable String sha256) {
			this.sha256 = sha256;
		}

		public List<String> getAuthorities() {
			return this.authorities;
		}

		public void setAuthorities(List<String> authorities) {
			this.authorities = authorities;
		}

		public @Nullable Instant getExpiresAt() {
			return this.expiresAt;
		}

		public void setExpiresAt(@Nullable Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

		public boolean isDisabled() {
			return this.disabled;
		}

		public void setDisabled(boolean disabled) {
			this.disabled = disabled;
		}

	}

}
