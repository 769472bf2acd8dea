package io.github.awsauth.authz;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.MapSharedCache;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.Upstreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPA asked over HTTP, WireMock answering as OPA's data API documents
 * ({@code POST /v1/data/<path>} with {@code {"input": …}}, answered {@code {"result": …}}, or
 * {@code {}} for an undefined decision): the input it receives, and allow, deny, undefined,
 * malformed, errors, throttling, timeout, down, and the cache.
 */
class OpaAuthorizationManagerTests {

	static final WireMockServer opa = new WireMockServer(options().dynamicPort());

	static final String DECISION = "/v1/data/http/authz";

	static {
		opa.start();
	}

	private final AwsAuthenticationToken alice = new AwsAuthenticationToken(new AwsPrincipal("alice", Mechanism.JWT,
			attributes(), List.of(new SimpleGrantedAuthority("ROLE_admin"), new SimpleGrantedAuthority("SCOPE_orders.read"))),
			null);

	@BeforeEach
	void reset() {
		opa.resetAll();
	}

	@AfterAll
	static void stop() {
		opa.stop();
	}

	@Test
	void sendsTheDocumentedInputWithOnlyTheConfiguredHeaders() {
		answer(okJson("{\"result\":true}"));
		MockHttpServletRequest request = request("GET", "/shop/api/orders/%34%32");
		request.setContextPath("/shop");
		request.setQueryString("expand=lines&expand=notes&q=a+b%21");
		request.addHeader("X-Tenant", "acme");
		request.addHeader("Authorization", "Bearer secret-token");
		request.addHeader("Cookie", "SESSION=secret");
		assertThat(decide(opa(AuthorizationProperties.Fail.DENY, Duration.ZERO), request)).isTrue();
		opa.verify(postRequestedFor(urlEqualTo(DECISION)).withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"input": {
					  "method": "GET",
					  "path": "/api/orders/42",
					  "query": {"expand": ["lines", "notes"], "q": ["a b!"]},
					  "headers": {"x-tenant": "acme"},
					  "principal": {
					    "name": "alice",
					    "mechanism": "jwt",
					    "authorities": ["ROLE_admin", "SCOPE_orders.read"],
					    "attributes": {"username": "alice", "cognito:groups": ["admin"],
					                   "exp": "2026-12-02T10:00:00Z", "custom:level": 3}
					  }}}""")));
	}

	@Test
	void allowsOnlyOnTrueOrAllowTrue() {
		answer(okJson("{\"result\":{\"allow\":true,\"reason\":\"admin\"}}"));
		assertThat(decide(opa(AuthorizationProperties.Fail.DENY, Duration.ZERO), request("GET", "/a"))).isTrue();
		for (String answer : List.of("{\"result\":false}", "{\"result\":{\"allow\":false}}", "{}",
				"{\"result\":\"true\"}", "{\"result\":{\"allow\":\"true\"}}", "{\"result\":1}", "{\"result\":[true]}")) {
			answer(okJson(answer));
			MockHttpServletRequest request = request("GET", "/a");
			assertThat(decide(opa(AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO), request)).as(answer).isFalse();
			assertThat(AccessDenials.reason(request)).as(answer).isEqualTo(RemoteDecisionPoint.DENIED);
			assertThat(AccessDenials.unavailable(request)).as("a decision, not a failure: " + answer).isFalse();
		}
	}

	@Test
	void opaThatCannotBeReadDeniesOrIsUnavailable() {
		List<ResponseDefinitionBuilder> failures = List.of(aResponse().withStatus(200).withBody("allow"),
				aResponse().withStatus(500).withBody("{\"code\":\"internal_error\"}"),
				aResponse().withStatus(429), aResponse().withStatus(404).withBody("{}"),
				aResponse().withStatus(302).withHeader("Location", "http://example.com/"),
				okJson("{\"result\":true,\"pad\":\"" + "x".repeat(70_000) + "\"}"),
				okJson("{\"result\":true}").withFixedDelay(1500));
		for (ResponseDefinitionBuilder failure : failures) {
			answer(failure);
			MockHttpServletRequest denied = request("GET", "/a");
			assertThat(decide(opa(AuthorizationProperties.Fail.DENY, Duration.ZERO), denied)).isFalse();
			assertThat(AccessDenials.unavailable(denied)).isFalse();
			MockHttpServletRequest unavailable = request("GET", "/a");
			assertThat(decide(opa(AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO), unavailable)).isFalse();
			assertThat(AccessDenials.unavailable(unavailable)).isTrue();
			assertThat(AccessDenials.reason(unavailable)).isEqualTo(RemoteDecisionPoint.UNAVAILABLE);
		}
	}

	@Test
	void answerWhoseBodyTricklesInIsCutAtTheTimeout() {
		answer(okJson("{\"result\":true,\"pad\":\"" + "x".repeat(200) + "\"}").withChunkedDribbleDelay(20, 4000));
		MockHttpServletRequest request = request("GET", "/a");
		assertThat(decide(opa(AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO), request))
			.as("the headers came in time, the body did not")
			.isFalse();
		assertThat(AccessDenials.unavailable(request)).isTrue();
	}

	@Test
	void opaThatIsDownDenies() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		OpaAuthorizationManager down = new OpaAuthorizationManager(URI.create("http://localhost:" + closed + DECISION),
				Duration.ofMillis(500), AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO, 10, List.of());
		MockHttpServletRequest request = request("GET", "/a");
		assertThat(decide(down, request)).isFalse();
		assertThat(AccessDenials.unavailable(request)).isTrue();
	}

	@Test
	void eachQuestionIsRecordedForTheHealthSupport() {
		Upstreams upstreams = new Upstreams(java.time.Clock.systemUTC());
		OpaAuthorizationManager recorded = opa(AuthorizationProperties.Fail.DENY, Duration.ZERO);
		recorded.setUpstreamHealth(upstreams.register("opa", "http://localhost:" + opa.port() + DECISION));
		answer(aResponse().withStatus(500));
		decide(recorded, request("GET", "/a"));
		assertThat(upstreams.statuses().get(0).lastFailure()).isEqualTo("answered 500");
		assertThat(upstreams.statuses().get(0).lastReached()).isNull();
		answer(okJson("{\"result\":false}"));
		decide(recorded, request("GET", "/a"));
		assertThat(upstreams.statuses().get(0).lastFailure()).as("a denial is an answer").isNull();
		assertThat(upstreams.statuses().get(0).lastReached()).isNotNull();
	}

	@Test
	void cachedDecisionIsNotAskedAgainAndAFailureIsNotCached() {
		OpaAuthorizationManager cached = opa(AuthorizationProperties.Fail.DENY, Duration.ofMinutes(1));
		answer(aResponse().withStatus(500));
		assertThat(decide(cached, request("GET", "/a"))).isFalse();
		answer(okJson("{\"result\":true}"));
		assertThat(decide(cached, request("GET", "/a"))).isTrue();
		assertThat(decide(cached, request("GET", "/a"))).isTrue();
		assertThat(decide(cached, request("GET", "/b"))).isTrue();
		assertThat(opa.countRequestsMatching(postRequestedFor(urlEqualTo(DECISION)).build()).getCount())
			.as("after the failure, which was not cached: /a once, /b once")
			.isEqualTo(2);
		OpaAuthorizationManager uncached = opa(AuthorizationProperties.Fail.DENY, Duration.ZERO);
		decide(uncached, request("GET", "/a"));
		decide(uncached, request("GET", "/a"));
		assertThat(opa.countRequestsMatching(postRequestedFor(urlEqualTo(DECISION)).build()).getCount()).isEqualTo(4);
		assertThat(cached.decisionStatistics()).as("/a twice missed, once hit; /b missed")
			.isEqualTo(new CacheStatistics(2, 1, 3));
		assertThat(uncached.decisionStatistics()).isEqualTo(new CacheStatistics(0, 0, 0));
		assertThat(cached.cachesDecisions()).isTrue();
		assertThat(uncached.cachesDecisions()).isFalse();
	}

	@Test
	void aDecisionOneInstanceGotServesTheOthersButNotAnotherPolicy() {
		MapSharedCache shared = new MapSharedCache();
		OpaAuthorizationManager first = opa(AuthorizationProperties.Fail.DENY, Duration.ofMinutes(1));
		OpaAuthorizationManager second = opa(AuthorizationProperties.Fail.DENY, Duration.ofMinutes(1));
		OpaAuthorizationManager otherPolicy = new OpaAuthorizationManager(
				URI.create("http://localhost:" + opa.port() + "/v1/data/other/authz"), Duration.ofMillis(500),
				AuthorizationProperties.Fail.DENY, Duration.ofMinutes(1), 100, List.of("X-Tenant"));
		first.setSharedCache(shared);
		second.setSharedCache(shared);
		otherPolicy.setSharedCache(shared);
		answer(okJson("{\"result\":true}"));
		opa.stubFor(post("/v1/data/other/authz").willReturn(okJson("{\"result\":false}")));

		assertThat(decide(first, request("GET", "/a"))).isTrue();
		assertThat(decide(second, request("GET", "/a"))).isTrue();
		assertThat(decide(otherPolicy, request("GET", "/a"))).isFalse();

		assertThat(opa.countRequestsMatching(postRequestedFor(urlEqualTo(DECISION)).build()).getCount()).isEqualTo(1);
		assertThat(shared.values).hasSize(2).allSatisfy((key, value) -> {
			assertThat(key).matches("opa:[0-9a-f]{64}");
			assertThat(value).isIn("allow", "deny");
		});
		assertThat(shared.timesToLive.values()).containsOnly(Duration.ofMinutes(1));
	}

	@Test
	void eachDecisionNamesOpaAsItsSource() {
		OpaAuthorizationManager manager = opa(AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO);
		answer(okJson("{\"result\":true}"));
		assertThat(result(manager, request("GET", "/a"))).satisfies((decision) -> {
			assertThat(decision.source()).isEqualTo(DecisionSource.OPA);
			assertThat(decision.outcome()).isEqualTo(SourcedDecision.Outcome.ALLOW);
		});
		answer(okJson("{\"result\":false}"));
		assertThat(result(manager, request("GET", "/a")).outcome()).isEqualTo(SourcedDecision.Outcome.DENY);
		answer(aResponse().withStatus(500));
		assertThat(result(manager, request("GET", "/a")).outcome()).isEqualTo(SourcedDecision.Outcome.UNAVAILABLE);
	}

	private SourcedDecision result(OpaAuthorizationManager manager, MockHttpServletRequest request) {
		return (SourcedDecision) manager.authorize(() -> this.alice, new RequestAuthorizationContext(request));
	}

	@Test
	void aFailureIsNotShared() {
		MapSharedCache shared = new MapSharedCache();
		OpaAuthorizationManager cached = opa(AuthorizationProperties.Fail.DENY, Duration.ofMinutes(1));
		cached.setSharedCache(shared);
		answer(aResponse().withStatus(500));
		assertThat(decide(cached, request("GET", "/a"))).isFalse();
		assertThat(shared.values).isEmpty();
	}

	@Test
	void queryThatCannotBeDecodedIsNotSentAndDeniedNotUnavailable() {
		answer(okJson("{\"result\":true}"));
		MockHttpServletRequest request = request("GET", "/a");
		request.setQueryString("q=%zz");
		assertThat(decide(opa(AuthorizationProperties.Fail.UNAVAILABLE, Duration.ZERO), request)).isFalse();
		assertThat(AccessDenials.unavailable(request)).as("the request's fault, not OPA's").isFalse();
		assertThat(opa.getAllServeEvents()).isEmpty();
	}

	@Test
	void headIsSentAsTheGetThatServesIt() {
		answer(okJson("{\"result\":true}"));
		decide(opa(AuthorizationProperties.Fail.DENY, Duration.ZERO), request("HEAD", "/a"));
		opa.verify(postRequestedFor(urlEqualTo(DECISION)).withRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.input.method", equalTo("GET"))));
	}

	private boolean decide(OpaAuthorizationManager manager, MockHttpServletRequest request) {
		return manager.authorize(() -> this.alice, new RequestAuthorizationContext(request)).isGranted();
	}

	private static OpaAuthorizationManager opa(AuthorizationProperties.Fail fail, Duration cacheTtl) {
		return new OpaAuthorizationManager(URI.create("http://localhost:" + opa.port() + DECISION),
				Duration.ofMillis(500), fail, cacheTtl, 100, List.of("X-Tenant"));
	}

	private static void answer(ResponseDefinitionBuilder answer) {
		opa.resetAll();
		opa.stubFor(post(DECISION).willReturn(answer));
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

	private static Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("username", "alice");
		attributes.put("cognito:groups", List.of("admin"));
		attributes.put("exp", Instant.parse("2026-12-02T10:00:00Z"));
		attributes.put("custom:level", 3);
		return attributes;
	}

}
