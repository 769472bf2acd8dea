package io.github.awsauth.benchmarks;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.iam.ArnPatterns;
import io.github.awsauth.iam.IamAuthenticationMechanism;
import io.github.awsauth.iam.IamTokenReader;
import io.github.awsauth.iam.StsCallerIdentityClient;
import jakarta.servlet.http.HttpServletRequest;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Cost per request of an IAM token whose identity STS already vouched for (the cache hit every
 * request after the first one of a token takes): reading the header, hashing the token, the cache
 * lookup, ARN normalization and the allowlist match. The first request of a token costs one STS
 * round trip instead (tens of milliseconds in a region).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class IamCachedTokenBenchmark {

	private HttpServletRequest request;

	private AuthenticationConverter converter;

	private AuthenticationProvider provider;

	/** What the loopback STS answers every GetCallerIdentity. */
	static final String STS_ANSWER = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
			+ "<GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/worker-blue/i-0abc</Arn>"
			+ "<UserId>AROAEXAMPLE:i-0abc</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
			+ "</GetCallerIdentityResponse>";

	@Setup
	public void setUp() throws Exception {
		try (LoopbackServer sts = new LoopbackServer("text/xml", STS_ANSWER)) {
			URI endpoint = URI.create(sts.url());
			String token = token(endpoint, "AKIDWORKER");
			IamAuthenticationMechanism mechanism = mechanism(endpoint, 1000);
			this.request = requestWith(token);
			this.converter = mechanism.converter();
			this.provider = mechanism.provider();
			if (!"arn:aws:iam::123456789012:role/worker-blue".equals(cachedToken().getName())) {
				throw new IllegalStateException("benchmark set-up does not authenticate");
			}
		}
	}

	/** An EKS-form token signed with an access key of that id, for the loopback STS at the endpoint. */
	static String token(URI endpoint, String accessKeyId) {
		return new IamTokenGenerator(
				StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "worker-secret")), endpoint,
				"eu-west-1", "orders-api", IamTokenForm.EKS, Clock.systemUTC())
			.authorization();
	}

	/** The IAM mechanism trusting the loopback STS at the endpoint, remembering that many answers. */
	static IamAuthenticationMechanism mechanism(URI endpoint, long cacheSize) {
		return new IamAuthenticationMechanism(new IamTokenReader("orders-api", List.of(endpoint), Clock.systemUTC()),
				new StsCallerIdentityClient(Duration.ofSeconds(2)),
				ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/worker-*", List.of("ROLE_worker"))),
				cacheSize, 64, Clock.systemUTC());
	}

	/** A request whose every header is the token. */
	static HttpServletRequest requestWith(String token) {
		return (HttpServletRequest) Proxy.newProxyInstance(IamCachedTokenBenchmark.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class },
				(proxy, method, args) -> "getHeader".equals(method.getName()) ? token : null);
	}

	@Benchmark
	public Authentication cachedToken() {
		return this.provider.authenticate(this.converter.convert(this.request));
	}

}
