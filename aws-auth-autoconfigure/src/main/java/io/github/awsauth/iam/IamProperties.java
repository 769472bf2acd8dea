package io.github.awsauth.iam;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Machines with IAM credentials, identified by STS ({@code aws.auth.iam}).
 */
public class IamProperties {

	/**
	 * Whether callers may authenticate with a signed sts:GetCallerIdentity request.
	 */
	private boolean enabled;

	/**
	 * The audience the caller must sign: x-k8s-aws-id (EKS-style tokens) or
	 * X-Vault-AWS-IAM-Server-ID (Vault-style tokens), so a token made for another service is useless
	 * here.
	 */
	private @Nullable String serverId;

	/**
	 * STS endpoint the signed requests are sent to, for example https://sts.eu-west-1.amazonaws.com.
	 * A token signed for any other host is refused, never forwarded.
	 */
	private @Nullable URI stsEndpoint;

	/**
	 * Further STS endpoints callers may sign for (for example other regions).
	 */
	private List<URI> stsEndpoints = new ArrayList<>();

	/**
	 * Allowlist: IAM ARN pattern ('*' matches within one ARN field, never across ':') to the
	 * authorities it grants. A pattern is a whole ARN with partition, service iam, a 12-digit
	 * account and role/, user/ or root, with no wildcard before the resource; write each key in
	 * brackets ("[arn:aws:iam::123456789012:role/worker-*]"). Assumed-role sessions match as their
	 * role, arn:aws:iam::{account}:role/{role}. An identity that matches no pattern is refused (403).
	 */
	private Map<String, List<String>> principals = new LinkedHashMap<>();

	/**
	 * Timeout of a call to STS (connect and answer).
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * Most identities kept; each is kept until its signed request expires.
	 */
	private long cacheSize = 10_000;

	/**
	 * Most calls to STS in flight at once; a token that would start one more is answered 503 with
	 * Retry-After.
	 */
	private int maxConcurrentCalls = 64;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServerId() {
		return this.serverId;
	}

	public void setServerId(@Nullable String serverId) {
		this.serverId = serverId;
	}

	public @Nullable URI getStsEndpoint() {
		return this.stsEndpoint;
	}

	public void setStsEndpoint(@Nullable URI stsEndpoint) {
		this.stsEndpoint = stsEndpoint;
	}

	public List<URI> getStsEndpoints() {
		return this.stsEndpoints;
	}

	public void setStsEndpoints(List<URI> stsEndpoints) {
		this.stsEndpoints = stsEndpoints;
	}

	public Map<String, List<String>> getPrincipals() {
		return this.principals;
	}

	public void setPrincipals(Map<String, List<String>> principals) {
		this.principals = principals;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public long getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(long cacheSize) {
		this.cacheSize = cacheSize;
	}

	public int getMaxConcurrentCalls() {
		return this.maxConcurrentCalls;
	}

	public void setMaxConcurrentCalls(int maxConcurrentCalls) {
		this.maxConcurrentCalls = maxConcurrentCalls;
	}

}
