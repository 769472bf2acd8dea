package io.github.awsauth.sigv4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.awsauth.client.SigV4SigningInterceptor;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SigV4 with a key the service issued, over real HTTP: requests signed by the AWS SDK (through the
 * starter's own outbound interceptor and the SDK's presigner) are accepted, and a hostile corpus is
 * refused with 401 (413 for an oversized body), never a 5xx.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.awsauth=DEBUG", "aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
				"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.max-body-size=1KB",
				"aws.auth.sigv4.keys[0].access-key-id=AKIDPARTNER",
				"aws.auth.sigv4.keys[0].secret-access-key=partner-secret-key",
				"aws.auth.sigv4.keys[0].principal=partner-a", "aws.auth.sigv4.keys[0].authorities=ROLE_partner" })
@ExtendWith(OutputCaptureExtension.class)
class SigV4IntegrationTests {

	static final String KEY = "AKIDPARTNER";

	static final String SECRET = "partner-secret-key";

	static final String FORM = "application/x-www-form-urlencoded";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void requestSignedByTheStartersOutboundInterceptorIsAccepted() {
		RestClient client = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.requestInterceptor(new SigV4SigningInterceptor(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)), "execute-api",
					"eu-west-1"))
			.build();
		String me = client.get().uri("/api/me?b=2&a=0&a=1&space=a%20b").retrieve().body(String.class);
		assertThat(me).contains("\"name\":\"partner-a\"", "\"mechanism\":\"sigv4\"", "\"ROLE_partner\"",
				"\"accessKeyId\":\"AKIDPARTNER\"");
		String echoed = client.post()
			.uri("/api/echo")
			.header("Content-Type", "application/json")
			.body("{\"order\":42}")
			.retrieve()
			.body(String.class);
		assertThat(echoed).as("the controller still reads the verified body").isEqualTo("{\"order\":42}");
	}

	@Test
	void aSigV4OnlyServiceDoesNotAdvertiseBearerTokens() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("AWS4-HMAC-SHA256");
	}

	@Test
	void presignedUrlFromTheSdkIsAcceptedAndNoSessionIsCreated() throws Exception {
		HttpResponse<String> response = send(presign("/api/me?x=1", Duration.ofMinutes(5), Clock.systemUTC()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"presigned\":true");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PUT", "PATCH", "DELETE", "POST" })
	void signedFormBodyIsWhatTheControllerBinds(String method) throws Exception {
		HttpResponse<String> response = send(signed(method, "/api/form?q=1", Map.of("Content-Type", FORM),
				"amount=10&to=alice", Clock.systemUTC()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"q\":[\"1\"],\"amount\":[\"10\"],\"to\":[\"alice\"]}");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "PUT", "PATCH", "DELETE", "POST" })
	void signedEmptyBodyReplayedWithAFormBodyIsRejected(String method) throws Exception {
		HttpRequest empty = signed(method, "/api/form", Map.of(), "", Clock.systemUTC());
		HttpResponse<String> response = send(rebuild(empty, null, "amount=1000&to=mallory",
				Map.of("Content-Type", FORM)));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("body does not match").doesNotContain("mallory");
	}

	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 1, 2, 1023, 1024 })
	void signedBodyUpToTheLimitIsWhatTheControllerReads(int size) throws Exception {
		String body = "0123456789abcdef".repeat(64).substring(0, size);
		HttpRequest signed = signed("POST", "/api/echo", Map.of("Content-Type", "text/plain"), body,
				Clock.systemUTC());
		for (HttpRequest request : List.of(signed, chunked(signed, body))) {
			HttpResponse<String> response = send(request);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(body);
		}
	}

	@Test
	void chunkedBodyOneByteOverTheLimitIsRefused() throws Exception {
		String body = "x".repeat(1025);
		HttpResponse<String> response = send(chunked(signed("POST", "/api/echo",
				Map.of("Content-Type", "text/plain"), body, Clock.systemUTC()), body));
		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void repeatedQueryParameterInSortedOrderBindsItsFirstValue() throws Exception {
		HttpResponse<String> response = send(signed("GET", "/api/param?v=1&v=2", Map.of(), "", Clock.systemUTC()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("1");
	}

	@Test
	void queryWithAnEncodedPlusBindsAPlus() throws Exception {
		HttpResponse<String> response = send(signed("GET", "/api/param?v=a%2Bb%20c", Map.of(), "", Clock.systemUTC()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("a+b c");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileRequests")
	void hostileRequestIsRejected(Function<SigV4IntegrationTests, HttpRequest> request, int status, String detail,
			CapturedOutput output) throws Exception {
		HttpRequest hostile = request.apply(this);
		HttpResponse<String> response = send(hostile);
		hostile.headers().allValues("Authorization").forEach((credential) -> LogAssertions.assertNotLogged(output, credential));
		if (hostile.uri().getRawQuery() != null && hostile.uri().getRawQuery().contains("X-Amz-Signature=")) {
			String signature = hostile.uri().getRawQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]*).*", "$1");
			assertThat(output.getAll()).doesNotContain(signature.isEmpty() ? "X-Amz-Signature=" : signature);
		}
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("\"status\":" + status, detail)
			.doesNotContain("Exception", "partner-secret-key", "at io.", "at org.");
		if (status == 401) {
			assertThat(response.headers().allValues("WWW-Authenticate")).contains("AWS4-HMAC-SHA256");
		}
	}

	static Stream<Arguments> hostileRequests() {
		return Stream.of(
				hostile("wrong secret", (t) -> t.signed("GET", "/api/me", Map.of(), "", KEY, "not-the-secret",
						"eu-west-1", "execute-api", Clock.systemUTC()), 401, "signature does not match"),
				hostile("body changed after signing", (t) -> t.rebuild(t.signed("POST", "/api/echo",
						Map.of("Content-Type", "text/plain"), "pay 10", Clock.systemUTC()), null, "pay 1000", null),
						401, "body does not match"),
				hostile("path changed after signing", (t) -> t.rebuild(t.signed("GET", "/api/me", Map.of(), "",
						Clock.systemUTC()), "/api/admin", null, null), 401, "signature does not match"),
				hostile("query changed after signing", (t) -> t.rebuild(t.signed("GET", "/api/me?amount=1", Map.of(),
						"", Clock.systemUTC()), "/api/me?amount=1000", null, null), 401, "signature does not match"),
				hostile("signed header changed after signing", (t) -> t.rebuild(t.signed("GET", "/api/me",
						Map.of("X-Tenant", "a"), "", Clock.systemUTC()), null, null, Map.of("X-Tenant", "b")), 401,
						"signature does not match"),
				hostile("stale date", (t) -> t.signed("GET", "/api/me", Map.of(), "",
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))), 401, "too old"),
				hostile("future date", (t) -> t.signed("GET", "/api/me", Map.of(), "",
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))), 401, "future"),
				hostile("unknown key", (t) -> t.signed("GET", "/api/me", Map.of(), "", "AKIDUNKNOWN", SECRET,
						"eu-west-1", "execute-api", Clock.systemUTC()), 401, "unknown access key"),
				hostile("another region in the scope", (t) -> t.signed("GET", "/api/me", Map.of(), "", KEY, SECRET,
						"us-east-1", "execute-api", Clock.systemUTC()), 401, "another region"),
				hostile("another service in the scope", (t) -> t.signed("GET", "/api/me", Map.of(), "", KEY, SECRET,
						"eu-west-1", "s3", Clock.systemUTC()), 401, "another service"),
				hostile("host not signed", SigV4IntegrationTests::withoutHostSigned, 401, "host header must be signed"),
				hostile("not a SigV4 header", (t) -> t.raw("/api/me", "AWS4-HMAC-SHA256 garbage"), 401, "Malformed"),
				hostile("no Signature", (t) -> t.raw("/api/me", "AWS4-HMAC-SHA256 Credential=" + KEY
						+ "/20261124/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date"), 401,
						"Malformed"),
				hostile("signature not hex", (t) -> t.raw("/api/me", "AWS4-HMAC-SHA256 Credential=" + KEY
						+ "/20261124/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature="
						+ "z".repeat(64)), 401, "Malformed"),
				hostile("Signature twice", SigV4IntegrationTests::duplicateSignatureField, 401, "more than once"),
				hostile("X-Amz-Signature twice in a presigned URL", SigV4IntegrationTests::duplicateQuerySignature, 401,
						"more than once"),
				hostile("huge Authorization header", (t) -> t.raw("/api/me", "AWS4-HMAC-SHA256 Credential="
						+ "A".repeat(6000)), 401, "Malformed"),
				hostile("expired presigned URL", (t) -> t.presign("/api/me", Duration.ofMinutes(1),
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3))), 401, "expired"),
				hostile("X-Amz-Expires too large", (t) -> t.rebuild(t.presign("/api/me", Duration.ofMinutes(5),
						Clock.systemUTC()), t.presign("/api/me", Duration.ofMinutes(5), Clock.systemUTC())
							.uri()
							.getRawPath() + "?" + t.presign("/api/me", Duration.ofMinutes(5), Clock.systemUTC())
								.uri()
								.getRawQuery()
								.replace("X-Amz-Expires=300", "X-Amz-Expires=999999"),
						null, null), 401, "X-Amz-Expires"),
				hostile("payload hash header does not match", (t) -> t.rebuild(t.signed("POST", "/api/echo",
						Map.of("Content-Type", "text/plain"), "a", Clock.systemUTC()), null, null,
						Map.of("x-amz-content-sha256", "0".repeat(64))), 401, "body does not match"),
				hostile("unsigned payload when not allowed", (t) -> t.unsignedPayload(), 401, "unsigned payloads"),
				hostile("oversized body", (t) -> t.signed("POST", "/api/echo", Map.of("Content-Type", "text/plain"),
						"x".repeat(4096), Clock.systemUTC()), 413, "larger than"),
				hostile("oversized chunked body", (t) -> t.chunked(t.signed("POST", "/api/echo",
						Map.of("Content-Type", "text/plain"), "x".repeat(4096), Clock.systemUTC()), "x".repeat(4096)),
						413, "larger than"),
				hostile("repeated query values reordered after signing", (t) -> t.rebuild(t.signed("GET",
						"/api/param?v=1&v=2", Map.of(), "", Clock.systemUTC()), "/api/param?v=2&v=1", null, null), 400,
						"sorted order"),
				hostile("encoded plus replaced by a raw plus after signing", (t) -> t.rebuild(t.signed("GET",
						"/api/param?v=a%2Bb", Map.of(), "", Clock.systemUTC()), "/api/param?v=a+b", null, null), 400,
						"raw '+'"),
				hostile("query escapes that are not UTF-8", (t) -> t.rebuild(t.signed("GET", "/api/param?v=a",
						Map.of(), "", Clock.systemUTC()), "/api/param?v=%C3", null, null), 400, "not UTF-8"),
				hostile("multipart body", (t) -> t.signed("POST", "/api/form",
						Map.of("Content-Type", "multipart/form-data; boundary=b"),
						"--b\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n10\r\n--b--\r\n",
						Clock.systemUTC()), 400, "multipart"),
				hostile("presigned URL with an Authorization header too", (t) -> t.rebuild(t.presign("/api/me",
						Duration.ofMinutes(5), Clock.systemUTC()), null, null, Map.of("Authorization", "Bearer x.y.z")),
						400, "Authorization header too"),
				hostile("scope date is not the date of X-Amz-Date", (t) -> t.rebuild(t.signed("GET", "/api/me",
						Map.of(), "", Clock.systemUTC()), null, null, Map.of("Authorization", t.signed("GET", "/api/me",
								Map.of(), "", Clock.systemUTC())
							.headers()
							.firstValue("Authorization")
							.get()
							.replaceFirst("/\\d{8}/", "/20200101/"))), 401, "scope date"),
				hostile("x-amz-content-sha256 twice", (t) -> t.withExtraHeader(t.signed("POST", "/api/echo",
						Map.of("Content-Type", "text/plain"), "a", Clock.systemUTC()), "x-amz-content-sha256",
						"0".repeat(64)), 401, "more than one x-amz-content-sha256"),
				hostile("Authorization twice", (t) -> t.withExtraHeader(t.signed("GET", "/api/me", Map.of(), "",
						Clock.systemUTC()), "Authorization", "Bearer x.y.z"), 400, "Authorization header more than once"));
	}

	private static Arguments hostile(String name, Function<SigV4IntegrationTests, HttpRequest> request, int status,
			String detail) {
		return Arguments.of(Named.of(name, request), status, detail);
	}

	HttpRequest signed(String method, String pathAndQuery, Map<String, String> headers, String body, Clock clock) {
		return signed(method, pathAndQuery, headers, body, KEY, SECRET, "eu-west-1", "execute-api", clock);
	}

	/** Signs like an SDK client: header form, every header signed, the body hash in x-amz-content-sha256. */
	HttpRequest signed(String method, String pathAndQuery, Map<String, String> headers, String body, String key,
			String secret, String region, String service, Clock clock) {
		SdkHttpRequest.Builder request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.fromValue(method))
			.uri(URI.create("http://localhost:" + this.port + pathAndQuery));
		headers.forEach(request::putHeader);
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create(key, secret))
				.request(request.build())
				.payload(ContentStreamProvider.fromUtf8String(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
				.putProperty(AwsV4HttpSigner.REGION_NAME, region)
				.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock))
			.request();
		return toHttp(method, signed, body);
	}

	HttpRequest presign(String pathAndQuery, Duration expires, Clock clock) {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.GET)
			.uri(URI.create("http://localhost:" + this.port + pathAndQuery))
			.build();
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create(KEY, SECRET))
				.request(request)
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
				.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
				.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
				.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires))
			.request();
		return toHttp("GET", signed, "");
	}

	/** The SDK signs UNSIGNED-PAYLOAD only for https; the signature does not depend on the scheme. */
	HttpRequest unsignedPayload() {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(URI.create("https://localhost:" + this.port + "/api/echo"))
			.putHeader("Content-Type", "text/plain")
			.build();
		SdkHttpRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(AwsCredentialsIdentity.create(KEY, SECRET))
				.request(request)
				.payload(ContentStreamProvider.fromUtf8String("anything"))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
				.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false))
			.request();
		assertThat(signed.firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
		return rebuild(toHttp("POST", signed, "anything"), "/api/echo", "anything", null);
	}

	HttpRequest raw(String path, String authorization) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", authorization)
			.header("X-Amz-Date", "20261124T120000Z")
			.build();
	}

	/** The same request with another path and query, body or header values; the signature stays. */
	HttpRequest rebuild(HttpRequest original, String pathAndQuery, String body, Map<String, String> headers) {
		URI uri = (pathAndQuery != null) ? URI.create("http://localhost:" + this.port + pathAndQuery) : original.uri();
		HttpRequest.Builder copy = HttpRequest.newBuilder(uri);
		Map<String, List<String>> all = new LinkedHashMap<>(original.headers().map());
		if (headers != null) {
			headers.forEach((name, value) -> {
				all.keySet().removeIf(name::equalsIgnoreCase);
				all.put(name, List.of(value));
			});
		}
		all.forEach((name, values) -> values.forEach((value) -> copy.header(name, value)));
		String payload = (body != null) ? body : null;
		copy.method(original.method(), (payload != null) ? HttpRequest.BodyPublishers.ofString(payload)
				: original.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
		return copy.build();
	}

	/** The same request with one more value of a header. */
	HttpRequest withExtraHeader(HttpRequest original, String name, String value) {
		HttpRequest.Builder copy = HttpRequest.newBuilder(original.uri());
		original.headers().map().forEach((header, values) -> values.forEach((v) -> copy.header(header, v)));
		copy.header(name, value);
		copy.method(original.method(), original.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
		return copy.build();
	}

	/** The same request with its body sent chunked, without a Content-Length. */
	HttpRequest chunked(HttpRequest original, String body) {
		HttpRequest.Builder copy = HttpRequest.newBuilder(original.uri());
		original.headers().map().forEach((header, values) -> values.forEach((v) -> copy.header(header, v)));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		copy.method(original.method(), HttpRequest.BodyPublishers
			.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)));
		return copy.build();
	}

	HttpRequest withoutHostSigned() {
		Instant now = Instant.now();
		String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC)
			.format(now);
		SigV4Request request = new SigV4Request("GET", "/api/me", null, Map.of("x-amz-date", List.of(amzDate)),
				new byte[0]);
		SigV4Authorization authorization = new SigV4Authorization(KEY, amzDate.substring(0, 8), "eu-west-1",
				"execute-api", List.of("x-amz-date"), "0".repeat(64), now, null);
		String canonical = SigV4Canonicalizer.canonicalRequest(request, authorization, SigV4Verifier.EMPTY_PAYLOAD,
				true);
		byte[] key = SigV4Verifier.deriveSigningKey(SECRET, amzDate.substring(0, 8), "eu-west-1", "execute-api");
		String signature = java.util.HexFormat.of()
			.formatHex(hmac(key, SigV4Verifier.stringToSign(authorization, canonical)));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("X-Amz-Date", amzDate)
			.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + authorization.scope()
					+ ", SignedHeaders=x-amz-date, Signature=" + signature)
			.build();
	}

	HttpRequest duplicateSignatureField() {
		HttpRequest valid = signed("GET", "/api/me", Map.of(), "", Clock.systemUTC());
		String authorization = valid.headers().firstValue("Authorization").get();
		return rebuild(valid, null, null,
				Map.of("Authorization", authorization + ", signature=" + "0".repeat(64)));
	}

	HttpRequest duplicateQuerySignature() {
		HttpRequest valid = presign("/api/me", Duration.ofMinutes(5), Clock.systemUTC());
		return rebuild(valid, "/api/me?" + valid.uri().getRawQuery() + "&x-amz-signature=" + "0".repeat(64), null,
				null);
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest toHttp(String method, SdkHttpRequest signed, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri());
		signed.forEachHeader((name, values) -> {
			if (!name.equalsIgnoreCase("host")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		request.method(method,
				body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return request.build();
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
