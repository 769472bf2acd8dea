package io.github.awsauth.client;

import java.net.URI;
import java.time.Clock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import org.springframework.util.StringUtils;

/**
 * Makes the interceptors that authenticate this service's outgoing requests with its AWS
 * credentials; auto-configured with the SDK's default credentials chain.
 * <pre class="code">
 * RestClient orders = builder.baseUrl("https://orders.internal")
 *     .requestInterceptor(interceptors.iamToken("orders-api", IamTokenForm.EKS))
 *     .build();
 * </pre>
 */
public class AwsClientInterceptors {

	private final AwsCredentialsProvider credentials;

	private final ClientProperties properties;

	private final Clock clock;

	/**
	 * Create the factory. Nothing is resolved until an interceptor is asked for, so an application
	 * that makes none needs no AWS region.
	 * @param credentials where the credentials come from
	 * @param properties the region and STS endpoint
	 * @param clock the clock
	 */
	public AwsClientInterceptors(AwsCredentialsProvider credentials, ClientProperties properties, Clock clock) {
		this.credentials = credentials;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * An interceptor that SigV4-signs each request for a service in the configured region.
	 * @param service the signing name, for example {@code execute-api}
	 * @return the interceptor
	 */
	public SigV4SigningInterceptor sigV4(String service) {
		return sigV4(service, region());
	}

	/**
	 * An interceptor that SigV4-signs each request.
	 * @param service the signing name, for example {@code execute-api}
	 * @param region the region to sign for
	 * @return the interceptor
	 */
	public SigV4SigningInterceptor sigV4(String service, String region) {
		return new SigV4SigningInterceptor(this.credentials, service, region);
	}

	/**
	 * An interceptor that adds an IAM identity token bound to a server id.
	 * @param serverId the receiving service's {@code aws.auth.iam.server-id}
	 * @param form the wire form
	 * @return the interceptor
	 */
	public IamTokenInterceptor iamToken(String serverId, IamTokenForm form) {
		String region = region();
		URI sts = (this.properties.getStsEndpoint() != null) ? this.properties.getStsEndpoint()
				: URI.create("https://sts." + region + ".amazonaws.com");
		return new IamTokenInterceptor(new IamTokenGenerator(this.credentials, sts, region, serverId, form, this.clock));
	}

	/**
	 * An interceptor that adds this EC2 instance's signed identity document, read from IMDSv2 (at
	 * {@code aws.auth.client.imds-endpoint}, or the SDK's default).
	 * @return the interceptor
	 */
	public InstanceIdentityInterceptor instanceIdentity() {
		Ec2MetadataClient.Builder imds = Ec2MetadataClient.builder();
		if (this.properties.getImdsEndpoint() != null) {
			imds.endpoint(this.properties.getImdsEndpoint());
		}
		return new InstanceIdentityInterceptor(imds.build(), this.clock);
	}

	private String region() {
		if (StringUtils.hasText(this.properties.getRegion())) {
			return this.properties.getRegion();
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion().id();
		}
		catch (SdkClientException ex) {
			throw new IllegalStateException(
					"No AWS region for outgoing requests: set aws.auth.client.region (or AWS_REGION)", ex);
		}
	}

}
