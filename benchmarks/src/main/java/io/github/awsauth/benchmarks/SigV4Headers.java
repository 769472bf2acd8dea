package io.github.awsauth.benchmarks;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Prints the headers the AWS SDK's SigV4 signer adds to a {@code GET} of a URL, one
 * {@code Name: value} per line, for {@code end-to-end.sh} to hand to wrk. A signature stays valid
 * for the verifier's clock skew (5 minutes by default), which covers a measurement round.
 * <pre>
 * java -cp benchmarks.jar io.github.awsauth.benchmarks.SigV4Headers URL ACCESS_KEY SECRET SERVICE REGION
 * </pre>
 */
public final class SigV4Headers {

	private SigV4Headers() {
	}

	public static void main(String[] args) {
		if (args.length != 5) {
			System.err.println("usage: SigV4Headers URL ACCESS_KEY SECRET SERVICE REGION");
			System.exit(2);
		}
		SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(args[0])).build();
		SignedRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsBasicCredentials.create(args[1], args[2]))
				.request(unsigned)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, args[3])
				.putProperty(AwsV4HttpSigner.REGION_NAME, args[4]));
		signed.request().forEachHeader((name, values) -> {
			if (!name.equalsIgnoreCase("Host")) {
				values.forEach((value) -> System.out.println(name + ": " + value));
			}
		});
	}

}
