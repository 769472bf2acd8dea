package io.github.awsauth.iid;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * EC2 instance identity documents ({@code aws.auth.instance-identity}).
 */
public class InstanceIdentityProperties {

	/**
	 * Whether EC2 instances may authenticate with their signed identity document.
	 */
	private boolean enabled;

	/**
	 * The allowlist: account id to the authorities its instances are granted. Instances of any
	 * other account are refused.
	 */
	private Map<String, List<String>> accounts = new LinkedHashMap<>();

	/**
	 * The regions whose instances are accepted; empty for every region.
	 */
	private List<String> regions = new ArrayList<>();

	/**
	 * The longest time since the instance last started (the document's pendingTime) that is
	 * accepted; unset for no limit. A document is the same from start to stop, so this bounds how
	 * long a leaked document works against long-running instances too.
	 */
	private @Nullable Duration maxAge;

	/**
	 * Whether the DSA/SHA-1 pkcs7 form is accepted. Prefer rsa2048.
	 */
	private boolean allowSha1;

	/**
	 * Certificates that add to or replace those that ship in the jar, for a new region or a
	 * re-issued key.
	 */
	private List<Certificate> certificates = new ArrayList<>();

	/**
	 * The longest Authorization header value read.
	 */
	private DataSize maxSize = DataSize.ofKilobytes(16);

	/**
	 * How many verified documents are remembered (by a hash of document and signature), so that a
	 * repeated one is not verified again.
	 */
	private int cacheSize = 10_000;

	/**
	 * Whether to check with EC2 DescribeInstances, in the document's region, that the instance
	 * exists and is running, with this service's AWS credentials (they need
	 * ec2:DescribeInstances; instances of other accounts are not visible to them).
	 */
	private boolean liveCheck;

	/**
	 * How long a live-check answer is remembered per instance.
	 */
	private Duration liveCheckCacheTtl = Duration.ofSeconds(60);

	/**
	 * How long to wait for EC2 before answering 503.
	 */
	private Duration liveCheckTimeout = Duration.ofSeconds(2);

	/**
	 * The EC2 endpoint of the live check; by default the SDK's for the document's region.
	 */
	private @Nullable URI ec2Endpoint;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, List<String>> getAccounts() {
		return this.accounts;
	}

	public void setAccounts(Map<String, List<String>> accounts) {
		this.accounts = accounts;
	}

	public List<String> getRegions() {
		return this.regions;
	}

	public void setRegions(List<String> regions) {
		this.regions = regions;
	}

	public @Nullable Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(@Nullable Duration maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isAllowSha1() {
		return this.allowSha1;
	}

	public void setAllowSha1(boolean allowSha1) {
		this.allowSha1 = allowSha1;
	}

	public List<Certificate> getCertificates() {
		return this.certificates;
	}

	public void setCertificates(List<Certificate> certificates) {
		this.certificates = certificates;
	}

	public DataSize getMaxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	public int getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(int cacheSize) {
		this.cacheSize = cacheSize;
	}

	public boolean isLiveCheck() {
		return this.liveCheck;
	}

	public void setLiveCheck(boolean liveCheck) {
		this.liveCheck = liveCheck;
	}

	public Duration getLiveCheckCacheTtl() {
		return this.liveCheckCacheTtl;
	}

	public void setLiveCheckCacheTtl(Duration liveCheckCacheTtl) {
		this.liveCheckCacheTtl = liveCheckCacheTtl;
	}

	public Duration getLiveCheckTimeout() {
		return this.liveCheckTimeout;
	}

	public void setLiveCheckTimeout(Duration liveCheckTimeout) {
		this.liveCheckTimeout = liveCheckTimeout;
	}

	public @Nullable URI getEc2Endpoint() {
		return this.ec2Endpoint;
	}

	public void setEc2Endpoint(@Nullable URI ec2Endpoint) {
		this.ec2Endpoint = ec2Endpoint;
	}

	/**
	 * One of AWS's certificates.
	 */
	public static class Certificate {

		/**
		 * The region whose documents it verifies, for example eu-west-1.
		 */
		private @Nullable String region;

		/**
		 * The signature form it verifies: rsa2048, pkcs7 or signature.
		 */
		private @Nullable SignatureForm form;

		/**
		 * Where the PEM certificate is, for example classpath:aws/eu-west-1-rsa2048.pem.
		 */
		private @Nullable Resource location;

		public @Nullable String getRegion() {
			return this.region;
		}

		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		public @Nullable SignatureForm getForm() {
			return this.form;
		}

		public void setForm(@Nullable SignatureForm form) {
			this.form = form;
		}

		public @Nullable Resource getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable Resource location) {
			this.location = location;
		}

	}

}
