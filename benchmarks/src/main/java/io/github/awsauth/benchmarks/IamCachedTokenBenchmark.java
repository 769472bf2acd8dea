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

	@Setup
	public void setUp() throws Exception {
		String answer = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
				+ "<GetCallerIdentityResult><Arn>arn:aws:sts::123456789012:assumed-role/worker-blue/i-0abc</Arn>"
				+ "<UserId>AROAEXAMPLE:i-0abc</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
				+ "</GetCallerIdentityResponse>";
		try (LoopbackServer sts = new LoopbackServer("text/xml", answer)) {
			URI endpoint = URI.create(sts.url());
			String token = new IamTokenGenerator(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORKER", "worker-secret")), endpoint,
					"eu-west-1", "orders-api", IamTokenForm.EKS, Clock.systemUTC())
				.authorization();
			IamAuthenticationMechanism mechanism = new IamAuthenticationMechanism(
					new IamTokenReader("orders-api", List.of(endpoint), Clock.systemUTC()),
					new StsCallerIdentityClient(Duration.ofSeconds(2)),
					ArnPatterns.allowlist(Map.of("arn:aws:iam::123456789012:role/worker-*", List.of("ROLE_worker"))), 1000, 64,
					Clock.systemUTC());
			this.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { HttpServletRequest.class },
					(proxy, method, args) -> "getHeader".equals(method.getName()) ? token : null);
			this.converter = mechanism.converter();
			this.provider = mechanism.provider();
			if (!"arn:aws:iam::123456789012:role/worker-blue".equals(cachedToken().getName())) {
				throw new IllegalStateException("benchmark set-up does not authenticate");
			}
		}
	}

	@Benchmark
	public Authentication cachedToken() {
		return this.provider.authenticate(this.converter.convert(this.request));
	}

}
