package io.github.awsauth.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.sigv4.SigV4AuthorizationParser;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * STS on loopback, as far as {@code GetCallerIdentity} goes, for full-HTTP tests of a service with
 * the IAM mechanism: like STS, it verifies the SigV4 signature of what it is sent (service
 * {@code sts}, 15 minutes of clock skew) with the keys of the callers it knows, and answers with the
 * caller's ARN in STS's XML, or with STS's error envelope ({@code SignatureDoesNotMatch},
 * {@code InvalidClientTokenId}). It also makes the callers' IAM tokens, signed by the AWS SDK as a
 * client inside AWS signs them.
 *
 * <pre>
 * static TestSts sts = TestSts.start()
 *     .caller("AKIDWORKER", "worker-secret", "arn:aws:sts::123456789012:assumed-role/worker/i-1");
 *
 * String authorization = sts.token("AKIDWORKER", "orders-api");  // Bearer k8s-aws-v1.…
 * </pre>
 */
public final class TestSts implements AutoCloseable {

	private final Map<String, Caller> callers = new ConcurrentHashMap<>();

	private final AtomicInteger calls = new AtomicInteger();

	private final LoopbackServer server;

	private TestSts() {
		this.server = new LoopbackServer(this::answer);
	}

	/**
	 * Start an STS that knows no caller yet.
	 * @return the running STS
	 */
	public static TestSts start() {
		return new TestSts();
	}

	/**
	 * Make a caller known: requests signed with its key are answered with its ARN.
	 * @param accessKeyId the caller's access key id
	 * @param secretAccessKey its secret
	 * @param arn what STS answers, such as {@code arn:aws:sts::123456789012:assumed-role/worker/i-1}
	 * @return this STS
	 */
	public TestSts caller(String accessKeyId, String secretAccessKey, String arn) {
		String[] parts = arn.split(":", 6);
		if (parts.length != 6 || !parts[0].equals("arn") || !parts[4].matches("[0-9]{12}")) {
			throw new IllegalArgumentException("Not an ARN STS would answer with: " + arn);
		}
		this.callers.put(accessKeyId, new Caller(secretAccessKey, arn));
		return this;
	}

	/**
	 * The endpoint, for {@code aws.auth.iam.sts-endpoint} and the tokens.
	 * @return {@code http://localhost:<port>}
	 */
	public String endpoint() {
		return this.server.baseUrl();
	}

	/**
	 * The properties that turn the IAM mechanism on against this STS.
	 * @param serverId the service's server id, the audience its callers sign
	 * @return property names and values (the allowlist, {@code aws.auth.iam.principals}, is the test's)
	 */
	public Map<String, String> properties(String serverId) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("aws.auth.iam.enabled", "true");
		properties.put("aws.auth.iam.server-id", serverId);
		properties.put("aws.auth.iam.sts-endpoint", endpoint());
		return properties;
	}

	/**
	 * A caller's IAM token in the EKS form, the value of its {@code Authorization} header.
	 * @param accessKeyId a known caller's access key id
	 * @param serverId the server id of the service it calls
	 * @return {@code Bearer k8s-aws-v1.…}
	 */
	public String token(String accessKeyId, String serverId) {
		return token(accessKeyId, serverId, IamTokenForm.EKS);
	}

	/**
	 * A caller's IAM token.
	 * @param accessKeyId a known caller's access key id
	 * @param serverId the server id of the service it calls
	 * @param form the wire form: EKS or Vault
	 * @return the value of the {@code Authorization} header
	 */
	public String token(String accessKeyId, String serverId, IamTokenForm form) {
		Caller caller = this.callers.get(accessKeyId);
		if (caller == null) {
			throw new IllegalArgumentException("No caller with access key " + accessKeyId + ": add it with caller(…)");
		}
		return new IamTokenGenerator(
				StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, caller.secretAccessKey())),
				URI.create(endpoint()), "eu-west-1", serverId, form, Clock.systemUTC())
			.authorization();
	}

	/**
	 * How many requests STS received, answered or refused.
	 * @return the count
	 */
	public int calls() {
		return this.calls.get();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		byte[] body = exchange.getRequestBody().readAllBytes();
		URI uri = exchange.getRequestURI();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
		SigV4Request request = new SigV4Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
				body);
		SigV4Verifier.Verified verified;
		try {
			verified = verifier(SigV4AuthorizationParser.parse(request).region()).verify(request);
		}
		catch (AwsAuthenticationException ex) {
			boolean unknown = AuthenticationFailureReason.of(ex) == AuthenticationFailureReason.UNKNOWN_KEY;
			error(exchange, 403, unknown ? "InvalidClientTokenId" : "SignatureDoesNotMatch");
			return;
		}
		Map<String, String> parameters = parameters(uri.getRawQuery());
		parameters.putAll(parameters(new String(body, StandardCharsets.UTF_8)));
		if (!"GetCallerIdentity".equals(parameters.get("Action")) || !"2011-06-15".equals(parameters.get("Version"))) {
			error(exchange, 400, "InvalidAction");
			return;
		}
		String arn = verified.key().principal();
		LoopbackServer.answer(exchange, 200, "text/xml", """
				<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <GetCallerIdentityResult>
				    <Arn>%s</Arn>
				    <UserId>AROATESTSTS:%s</UserId>
				    <Account>%s</Account>
				  </GetCallerIdentityResult>
				  <ResponseMetadata><RequestId>00000000-test-sts</RequestId></ResponseMetadata>
				</GetCallerIdentityResponse>""".formatted(arn, verified.key().accessKeyId(), arn.split(":")[4]));
	}

	/** The parameters of a query or form, decoded. */
	private static Map<String, String> parameters(@Nullable String encoded) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (encoded != null && !encoded.isEmpty()) {
			for (String pair : encoded.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	/** STS in the region the request was signed for, as each regional endpoint is. */
	private SigV4Verifier verifier(String region) {
		return new SigV4Verifier((accessKeyId) -> {
			Caller caller = this.callers.get(accessKeyId);
			return (caller != null) ? new SigV4Key(accessKeyId, caller.secretAccessKey(), caller.arn(), List.of()) : null;
		}, region, "sts", Duration.ofMinutes(15), false, true, Clock.systemUTC());
	}

	private static void error(HttpExchange exchange, int status, String code) throws IOException {
		LoopbackServer.answer(exchange, status, "text/xml", """
				<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <Error><Type>Sender</Type><Code>%s</Code><Message>refused by the test STS</Message></Error>
				  <RequestId>00000000-test-sts</RequestId>
				</ErrorResponse>""".formatted(code));
	}

	private record Caller(String secretAccessKey, String arn) {

	}

}
