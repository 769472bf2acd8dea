package io.github.awsauth.client;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds an IAM identity token to each outgoing request, for a service that authenticates callers
 * with {@code aws.auth.iam}.
 * <pre class="code">
 * RestClient client = builder.requestInterceptor(interceptors.iamToken("orders-api", IamTokenForm.EKS)).build();
 * </pre>
 */
public final class IamTokenInterceptor implements ClientHttpRequestInterceptor {

	private final IamTokenGenerator tokens;

	/**
	 * Create an interceptor.
	 * @param tokens makes the tokens
	 */
	public IamTokenInterceptor(IamTokenGenerator tokens) {
		this.tokens = tokens;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.tokens.authorization());
		return execution.execute(request, body);
	}

}
