package io.github.awsauth.sigv4;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * SigV4 over requests signed with keys this service issued ({@code aws.auth.sigv4}).
 */
public class SigV4Properties {

	/**
	 * Whether callers may authenticate with SigV4 and a key of this service.
	 */
	private boolean enabled;

	/**
	 * Service name the credential scope must carry, for example execute-api.
	 */
	private @Nullable String service;

	/**
	 * Region the credential scope must carry, for example eu-west-1.
	 */
	private @Nullable String region;

	/**
	 * Largest difference accepted between X-Amz-Date and the local clock.
	 */
	private Duration clockSkew = Duration.ofMinutes(5);

	/**
	 * Largest request body read to check the payload hash; a larger one is answered 413. A negative
	 * size stops the start-up.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Whether "x-amz-content-sha256: UNSIGNED-PAYLOAD" is accepted, leaving the body unverified.
	 */
	private boolean allowUnsignedPayload;

	/**
	 * Whether the path is normalized (dot segments removed, empty segments collapsed) before it is
	 * signed, as every AWS service but S3 does.
	 */
	private boolean normalizePath = true;

	/**
	 * The keys this service issued. Each names its principal and authorities; an application can
	 * replace this list with its own SigV4CredentialsStore bean.
	 */
	private List<Key> keys = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getService() {
		return this.service;
	}

	public void setService(@Nullable String service) {
		this.service = service;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public boolean isAllowUnsignedPayload() {
		return this.allowUnsignedPayload;
	}

	public void setAllowUnsignedPayload(boolean allowUnsignedPayload) {
		this.allowUnsignedPayload = allowUnsignedPayload;
	}

	public boolean isNormalizePath() {
		return this.normalizePath;
	}

	public void setNormalizePath(boolean normalizePath) {
		this.normalizePath = normalizePath;
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
		 * Access key id the caller puts in its credential scope.
		 */
		private @Nullable String accessKeyId;

		/**
		 * Secret access key; keep it out of the file, for example ${PARTNER_SECRET}.
		 */
		private @Nullable String secretAccessKey;

		/**
		 * Name of the principal the key authenticates.
		 */
		private @Nullable String principal;

		/**
		 * Authorities the key grants.
		 */
		private List<String> authorities = new ArrayList<>();

		public @Nullable String getAccessKeyId() {
			return this.accessKeyId;
		}

		public void setAccessKeyId(@Nullable String accessKeyId) {
			this.accessKeyId = accessKeyId;
		}

		public @Nullable String getSecretAccessKey() {
			return this.secretAccessKey;
		}

		public void setSecretAccessKey(@Nullable String secretAccessKey) {
			this.secretAccessKey = secretAccessKey;
		}

		public @Nullable String getPrincipal() {
			return this.principal;
		}

		public void setPrincipal(@Nullable String principal) {
			this.principal = principal;
		}

		public List<String> getAuthorities() {
			return this.authorities;
		}

		public void setAuthorities(List<String> authorities) {
			this.authorities = authorities;
		}

	}

}
