package io.github.awsauth.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Signs each outgoing {@code RestClient}/{@code RestTemplate} request with SigV4 (header form,
 * payload hash signed), with credentials from an {@link AwsCredentialsProvider} (by default the
 * SDK's default chain: environment, profile, container and instance roles). Register it last, so
 * it signs the final headers.
 * <pre class="code">
 * RestClient client = builder.requestInterceptor(interceptors.sigV4("execute-api", "eu-west-1")).build();
 * </pre>
 */
public final class SigV4SigningInterceptor implements ClientHttpRequestInterceptor {

	/** Headers the HTTP client sets or rewrites itself, which must not be signed. */
	private static final Set<String> UNSIGNED = Set.of("host", "content-length", "connection", "user-agent",
			"expect", "transfer-encoding");

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final AwsCredentialsProvider credentials;

	private final String service;

	private final String region;

	/**
	 * Create an interceptor.
	 * @param credentials where the credentials come from
	 * @param service the signing name of the service, for example {@code execute-api}
	 * @param region the region to sign for
	 */
	public SigV4SigningInterceptor(AwsCredentialsProvider credentials, String service, String region) {
		this.credentials = credentials;
		this.service = service;
		this.region = region;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
			.method(SdkHttpMethod.fromValue(request.getMethod().name()))
			.uri(request.getURI());
		request.getHeaders().forEach((name, values) -> {
			if (!UNSIGNED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				unsigned.putHeader(name, values);
			}
		});
		SignedRequest signed = this.signer.sign((sign) -> sign.identity(this.credentials.resolveCredentials())
			.request(unsigned.build())
			.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, this.service)
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region));
		HttpHeaders headers = request.getHeaders();
		for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
			if (!"host".equalsIgnoreCase(header.getKey())) {
				headers.put(header.getKey(), header.getValue());
			}
		}
		return execution.execute(request, body);
	}

}
