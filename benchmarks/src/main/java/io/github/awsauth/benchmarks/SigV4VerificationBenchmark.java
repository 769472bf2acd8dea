package io.github.awsauth.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Cost per request of verifying SigV4 (header form, a POST with a 1 KiB JSON body and a query)
 * with a key the service issued, against the AWS SDK signing the same request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class SigV4VerificationBenchmark {

	private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final AwsCredentialsIdentity credentials = AwsCredentialsIdentity.create("AKIDPARTNER",
			"partner-secret-key");

	private SdkHttpRequest unsigned;

	private byte[] body;

	private SigV4Request signed;

	private SigV4Verifier verifier;

	@Setup
	public void setUp() {
		this.body = ("{\"items\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
		this.unsigned = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(URI.create("https://orders.example.com/api/orders?tenant=a&priority=high"))
			.putHeader("Content-Type", "application/json")
			.putHeader("X-Request-Id", "5e2f0c7a")
			.build();
		SignedRequest signature = sdkSign();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		signature.request().forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
		this.signed = new SigV4Request("POST", "/api/orders", "tenant=a&priority=high", headers, this.body);
		SigV4Key key = new SigV4Key("AKIDPARTNER", "partner-secret-key", "partner-a", List.of("ROLE_partner"));
		this.verifier = new SigV4Verifier((id) -> key, "eu-west-1", "execute-api", Duration.ofMinutes(5), false,
				true, Clock.fixed(NOW, ZoneOffset.UTC));
		if (!"partner-a".equals(starterVerify().key().principal())) {
			throw new IllegalStateException("benchmark set-up does not verify");
		}
	}

	@Benchmark
	public SignedRequest sdkSign() {
		return this.signer.sign((sign) -> sign.identity(this.credentials)
			.request(this.unsigned)
			.payload(ContentStreamProvider.fromByteArrayUnsafe(this.body))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
			.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
			.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	@Benchmark
	public SigV4Verifier.Verified starterVerify() {
		return this.verifier.verify(this.signed);
	}

}
