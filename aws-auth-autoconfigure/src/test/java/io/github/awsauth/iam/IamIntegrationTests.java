package io.github.awsauth.iam;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.testapp.Encoding;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM callers over real HTTP, with tokens made by the starter's own outbound generator (as
 * {@code aws eks get-token} and Vault clients make them) and a fake STS that checks every
 * signature. The CVEs of Vault and aws-iam-authenticator are among the hostile cases.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.iam.enabled=true", "aws.auth.iam.server-id=orders-api", "aws.auth.iam.timeout=3s",
				"aws.auth.iam.max-concurrent-calls=2", "server.max-http-request-header-size=64KB",
				"logging.level.io.github.awsauth=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class IamIntegrationTests {

	static final String ALICE_XML = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>"
			+ "arn:aws:iam::123456789012:user/alice</Arn><UserId>x</UserId><Account>123456789012</Account>"
			+ "</GetCallerIdentityResult></GetCallerIdentityResponse>";

	static final FakeSts fakeSts = new FakeSts(
			Map.of("AKIDWORKER", "worker-secret", "AKIDALICE", "alice-secret", "AKIDOTHER", "other-secret",
					"AKIDSLOW", "slow-secret"),
			Map.of("AKIDWORKER", "arn:aws:sts::123456789012:assumed-role/worker-blue/i-0abc", "AKIDALICE",
					"arn:aws:iam::123456789012:user/alice", "AKIDOTHER",
					"arn:aws:sts::999999999999:assumed-role/worker-blue/i-0666", "AKIDSLOW",
					"arn:aws:iam::123456789012:role/worker-slow"));

	static final WireMockServer sts = new WireMockServer(options().dynamicPort().extensions(fakeSts));

	/** An STS that answers each access key in its own odd way, without checking signatures. */
	static final WireMockServer oddSts = new WireMockServer(options().dynamicPort());

	static final WireMockServer evil = new WireMockServer(options().dynamicPort());

	static final WireMockServer slowSts = new WireMockServer(options().dynamicPort());

	/** STS unreachable: every connection is reset (no port is reserved now and bound later). */
	static final WireMockServer deadSts = new WireMockServer(options().dynamicPort());

	static int deadPort;

	static {
		sts.start();
		sts.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeSts.NAME)));
		evil.start();
		evil.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody("<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/alice"
					+ "</Arn><UserId>x</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
					+ "</GetCallerIdentityResponse>")));
		slowSts.start();
		// a valid identity, long after the timeout: only the timeout turns it into a 503
		slowSts.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(6000)
			.withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody(ALICE_XML)));
		deadSts.start();
		deadSts.stubFor(any(anyUrl()).willReturn(aResponse()
			.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
		deadPort = deadSts.port();
		oddSts.start();
		odd("AKID5XX", aResponse().withStatus(502).withBody("Bad Gateway"));
		odd("AKIDTHROTTLED", aResponse().withStatus(400)
			.withHeader("Content-Type", "text/xml")
			.withBody("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
					+ "</Message></Error></ErrorResponse>"));
		odd("AKIDLIMIT", aResponse().withStatus(400)
			.withHeader("Content-Type", "text/xml")
			.withBody("<ErrorResponse><Error><Code>RequestLimitExceeded</Code></Error></ErrorResponse>"));
		odd("AKID429", aResponse().withStatus(429));
		odd("AKIDHTML", aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(ALICE_XML));
		odd("AKIDHUGE", aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody(ALICE_XML.replace("<UserId>x", "<UserId>" + "x".repeat(70_000))));
		odd("AKIDDOCTYPE", aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody("<!DOCTYPE r [<!ENTITY arn \"arn:aws:iam::123456789012:user/alice\">]>"
					+ ALICE_XML.replace("arn:aws:iam::123456789012:user/alice", "&arn;")));
		odd("AKIDREDIRECT", aResponse().withStatus(302).withHeader("Location", "http://localhost:1/"));
	}

	private static void odd(String accessKey, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		oddSts.stubFor(any(anyUrl()).withQueryParam("X-Amz-Credential", containing(accessKey + "/"))
			.willReturn(answer));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.iam.sts-endpoint", () -> "http://localhost:" + sts.port());
		registry.add("aws.auth.iam.sts-endpoints[0]", () -> "http://localhost:" + deadPort);
		registry.add("aws.auth.iam.sts-endpoints[1]", () -> "http://localhost:" + slowSts.port());
		registry.add("aws.auth.iam.sts-endpoints[2]", () -> "http://localhost:" + oddSts.port());
		registry.add("aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker-*]", () -> "ROLE_worker");
		registry.add("aws.auth.iam.principals[arn:aws:iam::123456789012:user/alice]", () -> "ROLE_admin,ROLE_worker");
	}

	@AfterAll
	static void stop() {
		sts.stop();
		evil.stop();
		slowSts.stop();
		oddSts.stop();
		deadSts.stop();
	}

	@Test
	void eksTokenOfAnAssumedRoleIsNamedByItsRole() {
		HttpResponse<String> me = Http.get(this.port, "/api/me", token("AKIDWORKER", "worker-secret", IamTokenForm.EKS));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"arn:aws:iam::123456789012:role/worker-blue\"", "\"mechanism\":\"iam\"",
				"\"ROLE_worker\"", "\"session\":\"i-0abc\"", "\"account\":\"123456789012\"");
	}

	@Test
	void vaultTokenOfARoleIsAccepted() {
		HttpResponse<String> me = Http.get(this.port, "/api/me", token("AKIDSLOW", "slow-secret", IamTokenForm.VAULT));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
	}

	@Test
	void vaultTokenOfAUserIsAccepted() {
		HttpResponse<String> me = Http.get(this.port, "/api/me", token("AKIDALICE", "alice-secret", IamTokenForm.VAULT));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"arn:aws:iam::123456789012:user/alice\"", "\"ROLE_admin\"");
		assertThat(Http.get(this.port, "/api/admin", token("AKIDALICE", "alice-secret", IamTokenForm.VAULT))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void concurrentRequestsWithOneTokenMakeOneStsCall() throws Exception {
		// signed a minute ago, so that no other test has this token cached
		String token = token("AKIDSLOW", "slow-secret", IamTokenForm.VAULT, stsUri(),
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1)), "orders-api");
		CountDownLatch gate = new CountDownLatch(1);
		fakeSts.gates.put("AKIDSLOW", gate);
		int before = fakeSts.received.get();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				statuses.add(pool.submit(() -> {
					start.await();
					return Http.get(this.port, "/api/me", token).statusCode();
				}));
			}
			start.countDown();
			awaitStsCalls(before + 1);
			Thread.sleep(300);
			gate.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
			}
			assertThat(Http.get(this.port, "/api/me", token).statusCode()).isEqualTo(200);
			assertThat(fakeSts.received.get() - before).as("one STS call for sixteen concurrent requests and a cached one")
				.isEqualTo(1);
		}
		finally {
			fakeSts.gates.remove("AKIDSLOW");
			gate.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void tokensDoNotWaitForAnotherTokensStsCall() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		fakeSts.gates.put("AKIDSLOW", gate);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			// warm, so that the distinct tokens below are served well within the slow call's 3 s timeout,
			// even on a loaded machine
			assertThat(Http.get(this.port, "/api/me", token("AKIDWORKER", "worker-secret", IamTokenForm.EKS))
				.statusCode()).isEqualTo(200);
			int before = fakeSts.received.get();
			Future<Integer> slow = pool.submit(
					() -> Http.get(this.port, "/api/me", token("AKIDSLOW", "slow-secret", IamTokenForm.EKS)).statusCode());
			awaitStsCalls(before + 1);
			for (int i = 1; i <= 10; i++) {
				String distinct = token("AKIDWORKER", "worker-secret", IamTokenForm.EKS, stsUri(),
						Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-i)), "orders-api");
				assertThat(Http.get(this.port, "/api/me", distinct).statusCode()).isEqualTo(200);
			}
			assertThat(slow.isDone()).as("the slow token is still waiting for its own STS call").isFalse();
			gate.countDown();
			assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		}
		finally {
			fakeSts.gates.remove("AKIDSLOW");
			gate.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void stsCallsBeyondTheLimitInFlightAre503() throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		fakeSts.gates.put("AKIDSLOW", gate);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			int before = fakeSts.received.get();
			List<Future<Integer>> slow = new ArrayList<>();
			for (int i = 1; i <= 2; i++) {
				String distinct = token("AKIDSLOW", "slow-secret", IamTokenForm.EKS, stsUri(),
						Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-i)), "orders-api");
				slow.add(pool.submit(() -> Http.get(this.port, "/api/me", distinct).statusCode()));
			}
			awaitStsCalls(before + 2);
			HttpResponse<String> third = Http.get(this.port, "/api/me",
					token("AKIDWORKER", "worker-secret", IamTokenForm.EKS, stsUri(),
							Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-50)), "orders-api"));
			assertThat(third.statusCode()).isEqualTo(503);
			assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
			gate.countDown();
			for (Future<Integer> status : slow) {
				assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			fakeSts.gates.remove("AKIDSLOW");
			gate.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void stsDownOrSlowIsA503WithRetryAfter() {
		for (int unavailable : List.of(deadPort, slowSts.port())) {
			HttpResponse<String> response = Http.get(this.port, "/api/me",
					token("AKIDWORKER", "worker-secret", IamTokenForm.EKS, URI.create("http://localhost:" + unavailable),
							Clock.systemUTC(), "orders-api"));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(response.body()).contains("unavailable").doesNotContain("alice");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "AKID5XX", "AKIDTHROTTLED", "AKIDLIMIT", "AKID429", "AKIDHTML", "AKIDHUGE", "AKIDDOCTYPE",
			"AKIDREDIRECT" })
	void stsAnswerThatIsNotAnIdentityIsA503(String accessKey) {
		HttpResponse<String> response = Http.get(this.port, "/api/me", token(accessKey, "any-secret", IamTokenForm.EKS,
				URI.create("http://localhost:" + oddSts.port()), Clock.systemUTC(), "orders-api"));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).doesNotContain("alice", "Exception");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileTokens")
	void hostileTokenIsRefused(Function<IamIntegrationTests, String> authorization, int status, String detail,
			CapturedOutput output) {
		String token = authorization.apply(this);
		HttpResponse<String> response = Http.get(this.port, "/api/me", token);
		LogAssertions.assertNotLogged(output, token);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).contains("\"status\":" + status, detail)
			.doesNotContain("Exception", "secret", "at io.", "at org.");
		assertThat(evil.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount())
			.as("CVE-2020-16250: the host a token names receives nothing")
			.isZero();
	}

	static Stream<Arguments> hostileTokens() {
		return Stream.of(
				hostile("token for another server id (Vault)", (t) -> t.token("AKIDWORKER", "worker-secret",
						IamTokenForm.VAULT, t.stsUri(), Clock.systemUTC(), "billing-api"), 401, "another server id"),
				hostile("token for another server id (EKS)", (t) -> t.token("AKIDWORKER", "worker-secret",
						IamTokenForm.EKS, t.stsUri(), Clock.systemUTC(), "billing-api"), 401, "STS refused"),
				hostile("server id not signed", (t) -> t.editEks((url) -> url.replace("host%3Bx-k8s-aws-id", "host")),
						401, "must be signed"),
				hostile("presigned URL at another host (CVE-2020-16250)", (t) -> t.token("AKIDWORKER",
						"worker-secret", IamTokenForm.EKS, URI.create("http://localhost:" + evil.port()),
						Clock.systemUTC(), "orders-api"), 401, "not a configured STS endpoint"),
				hostile("another action", (t) -> t.editEks((url) -> url.replace("GetCallerIdentity", "AssumeRole")),
						401, "must be GetCallerIdentity"),
				hostile("extra parameter", (t) -> t.editEks((url) -> url + "&RoleArn=arn:aws:iam::1:role/admin"), 401,
						"does not take"),
				hostile("X-Amz-Credential twice in another case (CVE-2022-2385)", (t) -> t.editEks(
						(url) -> url + "&x-amz-credential=AKIDALICE%2F20261124%2Feu-west-1%2Fsts%2Faws4_request"), 401,
						"more than once"),
				hostile("same role name in another account (CVE-2025-11621)", (t) -> t.token("AKIDOTHER",
						"other-secret", IamTokenForm.EKS), 403, "is not allowed"),
				hostile("expiry over 900 seconds", (t) -> t.editEks((url) -> url.replace("X-Amz-Expires=900",
						"X-Amz-Expires=3600")), 401, "X-Amz-Expires"),
				hostile("stale date", (t) -> t.token("AKIDWORKER", "worker-secret", IamTokenForm.VAULT, t.stsUri(),
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)), "orders-api"), 401, "15 minutes"),
				hostile("wrong secret: STS's error answer", (t) -> t.token("AKIDWORKER", "not-the-secret",
						IamTokenForm.VAULT), 401, "SignatureDoesNotMatch"),
				hostile("Vault form with a GET", (t) -> t.editVault((login) -> login.put("iam_http_request_method",
						"GET")), 401, "must be POST"),
				hostile("Vault form with another body", (t) -> t.editVault((login) -> login.put("iam_request_body",
						b64("Action=GetCallerIdentity&Version=2011-06-15&Action=AssumeRole"))), 401, "more than once"),
				hostile("Vault form with a query in the URL", (t) -> t.editVault((login) -> login.put(
						"iam_request_url", b64("http://localhost:" + sts.port() + "/?Action=AssumeRole"))), 401,
						"must not have a query"),
				hostile("Vault form with a header the client cannot forward", (t) -> t.editVault((login) -> {
					try {
						Map<String, Object> headers = JSONObjectUtils.parse(new String(
								Base64.getDecoder().decode((String) login.get("iam_request_headers")), StandardCharsets.UTF_8));
						String authorization = ((List<?>) headers.get("Authorization")).get(0).toString();
						headers.put("Authorization", List.of(authorization.replace("SignedHeaders=", "SignedHeaders=connection;")));
						headers.put("Connection", List.of("upgrade"));
						login.put("iam_request_headers", b64(JSONObjectUtils.toJSONString(headers)));
					}
					catch (java.text.ParseException ex) {
						throw new IllegalStateException(ex);
					}
				}), 401, "cannot be forwarded"),
				hostile("not base64url", (t) -> "Bearer k8s-aws-v1.!!!***", 401, "base64url"),
				hostile("Vault form not JSON", (t) -> "AWS-IAM " + b64url("not json"), 401, "not a JSON object"),
				hostile("Vault form that parses as nothing (a fuzzing finding)", (t) -> "AWS-IAM " + b64url(";J"), 401,
						"not a JSON object"),
				hostile("Vault form whose headers parse as nothing", (t) -> t.editVault((login) -> login
					.put("iam_request_headers", b64(";J"))), 401, "iam_request_headers"),
				hostile("Vault form empty JSON", (t) -> "AWS-IAM " + b64url("{}"), 401, "must be POST"),
				hostile("EKS token of a plain string", (t) -> "Bearer k8s-aws-v1." + b64url("hello"), 401,
						"malformed"),
				hostile("huge token", (t) -> "AWS-IAM " + "A".repeat(20_000), 401, "too large"),
				hostile("expired X-Amz-Expires with a fresh date", (t) -> t.editEks(
						Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)),
						(url) -> url.replace("X-Amz-Expires=900", "X-Amz-Expires=60")), 401, "has expired"),
				hostile("a path other than /", (t) -> t.editEks((url) -> url.replace("/?Action", "/other?Action")), 401,
						"path must be /"));
	}

	private static Arguments hostile(String name, Function<IamIntegrationTests, String> token, int status,
			String detail) {
		return Arguments.of(Named.of(name, token), status, detail);
	}

	URI stsUri() {
		return URI.create("http://localhost:" + sts.port());
	}

	String token(String key, String secret, IamTokenForm form) {
		return token(key, secret, form, stsUri(), Clock.systemUTC(), "orders-api");
	}

	String token(String key, String secret, IamTokenForm form, URI endpoint, Clock clock, String serverId) {
		return new IamTokenGenerator(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)),
				endpoint, "eu-west-1", serverId, form, clock)
			.authorization();
	}

	String editEks(Function<String, String> edit) {
		return editEks(Clock.systemUTC(), edit);
	}

	String editEks(Clock clock, Function<String, String> edit) {
		String token = token("AKIDWORKER", "worker-secret", IamTokenForm.EKS, stsUri(), clock, "orders-api");
		String url = new String(Base64.getUrlDecoder().decode(token.substring("Bearer k8s-aws-v1.".length())),
				StandardCharsets.UTF_8);
		return "Bearer k8s-aws-v1." + b64url(edit.apply(url));
	}

	String editVault(java.util.function.Consumer<Map<String, Object>> edit) {
		String token = token("AKIDWORKER", "worker-secret", IamTokenForm.VAULT);
		try {
			Map<String, Object> login = JSONObjectUtils.parse(
					new String(Base64.getUrlDecoder().decode(token.substring(8)), StandardCharsets.UTF_8));
			edit.accept(login);
			return "AWS-IAM " + b64url(JSONObjectUtils.toJSONString(login));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(String value) {
		return Encoding.base64(value);
	}

	private static String b64url(String value) {
		return Encoding.base64Url(value);
	}

	/** Waits until the fake STS has received this many requests in all, answered or not. */
	private static void awaitStsCalls(int calls) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (fakeSts.received.get() < calls && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(fakeSts.received.get()).as("STS calls received").isGreaterThanOrEqualTo(calls);
	}

	private static int stsCalls() {
		return sts.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
	}


}
