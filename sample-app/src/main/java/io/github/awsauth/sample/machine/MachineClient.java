package io.github.awsauth.sample.machine;

import io.github.awsauth.client.AwsClientInterceptors;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.SigV4SigningInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A machine calling the sample API the two machine ways, with the starter's outbound interceptors:
 * <ul>
 * <li>from outside AWS, SigV4 with the key the service issued it ({@code aws.auth.sigv4.keys});</li>
 * <li>from inside AWS, an IAM token signed with its own AWS credentials (needs STS, so
 * {@code aws.auth.iam.enabled=true} on the service and real credentials here).</li>
 * </ul>
 * <pre class="code">
 * java -cp sample-app/target/sample-app-0.1.0-SNAPSHOT.jar -Dloader.main=io.github.awsauth.sample.machine.MachineClient \
 *     org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class MachineClient {

	private final String baseUrl;

	/**
	 * Create a client of the sample API.
	 * @param baseUrl the API's base URL, for example http://localhost:8080
	 */
	public MachineClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * A client that signs with the demo key the sample service issued.
	 * @return the client
	 */
	public RestClient withIssuedKey() {
		SigV4SigningInterceptor sigV4 = new SigV4SigningInterceptor(StaticCredentialsProvider
			.create(AwsBasicCredentials.create("AKIDSAMPLEPARTNER", "sample-partner-secret")), "execute-api",
				"eu-west-1");
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl(this.baseUrl)
			.requestInterceptor(sigV4)
			.build();
	}

	/**
	 * A client that sends an IAM token made with this process's AWS credentials.
	 * @param interceptors the auto-configured (or hand-made) interceptor factory
	 * @return the client
	 */
	public RestClient withIamToken(AwsClientInterceptors interceptors) {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl(this.baseUrl)
			.requestInterceptor(interceptors.iamToken("sample-api", IamTokenForm.EKS))
			.build();
	}

	public static void main(String[] args) {
		String baseUrl = (args.length > 0) ? args[0] : "http://localhost:8080";
		RestClient partner = new MachineClient(baseUrl).withIssuedKey();
		System.out.println(partner.get().uri("/api/me").retrieve().body(String.class));
		System.out.println(partner.post()
			.uri("/api/orders")
			.header("Content-Type", "application/json")
			.body("{\"item\":\"crate\",\"quantity\":3,\"owner\":\"sample-partner\"}")
			.retrieve()
			.body(String.class));
	}

}
