package io.github.awsauth.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.awsauth.core.InstanceIdentityHeader;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.imds.Ec2MetadataClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds this EC2 instance's signed identity document to each outgoing request, for a service that
 * authenticates callers with {@code aws.auth.instance-identity}: the document and its
 * {@code rsa2048} signature are fetched from IMDSv2 with the SDK's metadata client, kept for an
 * hour (they change only when the instance stops and starts), and sent as
 * {@code Authorization: AWS-IID …}.
 * <pre class="code">
 * RestClient client = builder.requestInterceptor(interceptors.instanceIdentity()).build();
 * </pre>
 * The document is a bearer credential that does not expire: send it over TLS only, and only to
 * services that should know this instance.
 */
public final class InstanceIdentityInterceptor implements ClientHttpRequestInterceptor {

	private static final String DOCUMENT = "/latest/dynamic/instance-identity/document";

	private static final String RSA2048 = "/latest/dynamic/instance-identity/rsa2048";

	private static final Duration KEPT = Duration.ofHours(1);

	private final Ec2MetadataClient imds;

	private final Clock clock;

	private volatile @Nullable Fetched fetched;

	/**
	 * Create an interceptor.
	 * @param imds the metadata client (IMDSv2)
	 * @param clock tells when to fetch again
	 */
	public InstanceIdentityInterceptor(Ec2MetadataClient imds, Clock clock) {
		this.imds = imds;
		this.clock = clock;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization());
		return execution.execute(request, body);
	}

	/**
	 * The header value, fetched from IMDS when not known or older than an hour.
	 * @return the {@code AWS-IID} authorization
	 * @throws IOException if IMDS cannot be reached
	 */
	public String authorization() throws IOException {
		Fetched current = this.fetched;
		Instant now = this.clock.instant();
		if (current == null || current.at().plus(KEPT).isBefore(now)) {
			synchronized (this) {
				current = this.fetched;
				if (current == null || current.at().plus(KEPT).isBefore(now)) {
					current = new Fetched(fetch(), now);
					this.fetched = current;
				}
			}
		}
		return current.authorization();
	}

	private String fetch() throws IOException {
		try {
			String document = this.imds.get(DOCUMENT).asString();
			String signature = this.imds.get(RSA2048).asString();
			return InstanceIdentityHeader.encode(document, "rsa2048", signature);
		}
		catch (SdkClientException ex) {
			throw new IOException("The instance identity document could not be read from IMDS: " + ex.getMessage(),
					ex);
		}
	}

	private record Fetched(String authorization, Instant at) {

	}

}
