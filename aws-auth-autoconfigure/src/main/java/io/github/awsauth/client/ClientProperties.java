package io.github.awsauth.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Outbound request authentication ({@code aws.auth.client}).
 */
public class ClientProperties {

	/**
	 * Region outgoing requests are signed for. Default: the AWS SDK's region chain (AWS_REGION,
	 * profile, instance metadata).
	 */
	private @Nullable String region;

	/**
	 * STS endpoint IAM tokens are signed for. Default: https://sts.{region}.amazonaws.com.
	 */
	private @Nullable URI stsEndpoint;

	/**
	 * The instance metadata endpoint the instance identity interceptor reads from; by default the
	 * SDK's (http://169.254.169.254, or AWS_EC2_METADATA_SERVICE_ENDPOINT).
	 */
	private @Nullable URI imdsEndpoint;

	public @Nullable URI getImdsEndpoint() {
		return this.imdsEndpoint;
	}

	public void setImdsEndpoint(@Nullable URI imdsEndpoint) {
		this.imdsEndpoint = imdsEndpoint;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getStsEndpoint() {
		return this.stsEndpoint;
	}

	public void setStsEndpoint(@Nullable URI stsEndpoint) {
		this.stsEndpoint = stsEndpoint;
	}

}
