package io.github.awsauth.authz;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy authorizer around a provider: cached per caller, asked once at a time per caller,
 * denying when the provider throws or hangs; the resource is the decoded path the handlers see.
 */
class PolicyAuthorizerTests {

	private static final PolicyDocument ORDERS = PolicyDocument.parse("""
			{"Version":"2012-10-17","Statement":[
			 {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"GET/api/orders/*"},
			 {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"GET/api/orders/secret"}]}""");

	private final Authentication alice = new AwsAuthenticationToken(
			new AwsPrincipal("alice", Mechanism.JWT, Map.of(), List.of()), null);

	@Test
	void allowsWhatThePoliciesAllowAndDeniesTheRest() {
		PolicyAuthorizer authorizer = authorizer((caller) -> List.of(ORDERS), Duration.ofSeconds(1));
		assertThat(authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1")).isGranted()).isTrue();
		MockHttpServletRequest secret = request("GET", "/api/orders/secret");
		assertThat(authorizer.authorize(() -> this.alice, new RequestAuthorizationContext(secret)).isGranted())
			.isFalse();
		assertThat(AccessDenials.reason(secret)).isEqualTo(PolicyAuthorizer.POLICY_DENIES);
		assertThat(AccessDenials.decisionId(secret)).isNotNull();
		assertThat(AccessDenials.scopeMightHelp(secret)).isFalse();
		assertThat(authorizer.authorize(() -> this.alice, context("DELETE", "/api/orders/1")).isGranted()).isFalse();
	}

	@Test
	void resourceIsTheDecodedPathWithinTheApplication() {
		MockHttpServletRequest request = request("GET", "/shop/api/orders/%73ecret");
		request.setContextPath("/shop");
		assertThat(PolicyAuthorizer.resource(request)).isEqualTo("GET/api/orders/secret");
		PolicyAuthorizer authorizer = authorizer((caller) -> List.of(ORDERS), Duration.ofSeconds(1));
		assertThat(authorizer.authorize(() -> this.alice, new RequestAuthorizationContext(request)).isGranted())
			.as("an encoded path does not slip past a Deny")
			.isFalse();
	}

	@Test
	void providerThatThrowsDenies() {
		PolicyAuthorizer authorizer = authorizer((caller) -> {
			throw new IllegalStateException("database down");
		}, Duration.ofSeconds(1));
		MockHttpServletRequest request = request("GET", "/api/orders/1");
		assertThat(authorizer.authorize(() -> this.alice, new RequestAuthorizationContext(request)).isGranted())
			.isFalse();
		assertThat(AccessDenials.reason(request)).isEqualTo(PolicyAuthorizer.POLICY_DENIES);
	}

	@Test
	void providerThatHangsDeniesAfterTheTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		PolicyAuthorizer authorizer = authorizer((caller) -> {
			await(release);
			return List.of(ORDERS);
		}, Duration.ofMillis(100));
		try {
			assertThat(authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1")).isGranted()).isFalse();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void providerIsAskedOncePerCallerWhileCachedAndOnceForConcurrentRequests() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		PolicyAuthorizer authorizer = authorizer((caller) -> {
			calls.incrementAndGet();
			await(release);
			return List.of(ORDERS);
		}, Duration.ofSeconds(5));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> decisions = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				decisions.add(pool.submit(
						() -> authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1")).isGranted()));
			}
			Thread.sleep(200);
			release.countDown();
			for (Future<Boolean> decision : decisions) {
				assertThat(decision.get(5, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(authorizer.authorize(() -> this.alice, context("GET", "/api/orders/2")).isGranted()).isTrue();
		assertThat(calls).as("one lookup for alice").hasValue(1);
		Authentication bob = new TestingAuthenticationToken("bob", null, "ROLE_partner");
		assertThat(authorizer.authorize(() -> bob, context("GET", "/api/orders/2")).isGranted()).isTrue();
		assertThat(calls).as("another caller, another lookup").hasValue(2);
	}

	@Test
	void manyNewCallersAtOnceAreAllServedBySlowProvider() throws Exception {
		PolicyAuthorizer authorizer = authorizer((caller) -> {
			sleep(300);
			return List.of(ORDERS);
		}, Duration.ofSeconds(10));
		ExecutorService pool = Executors.newFixedThreadPool(24);
		try {
			List<Future<Boolean>> decisions = new java.util.ArrayList<>();
			for (int i = 0; i < 24; i++) {
				Authentication caller = new TestingAuthenticationToken("caller-" + i, null, "ROLE_partner");
				decisions.add(pool.submit(
						() -> authorizer.authorize(() -> caller, context("GET", "/api/orders/1")).isGranted()));
			}
			for (Future<Boolean> decision : decisions) {
				assertThat(decision.get(20, TimeUnit.SECONDS)).as("no caller is refused for a busy pool").isTrue();
			}
		}
		finally {
			pool.shutdownNow();
			authorizer.close();
		}
	}

	@Test
	void lookupThatHungIsTriedAgainAfterItsTimeout() {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch never = new CountDownLatch(1);
		PolicyAuthorizer authorizer = authorizer((caller) -> {
			if (calls.incrementAndGet() == 1) {
				await(never);
			}
			return List.of(ORDERS);
		}, Duration.ofMillis(200));
		assertThat(authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1")).isGranted()).isFalse();
		sleep(300);
		assertThat(authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1")).isGranted())
			.as("the hung lookup left the cache")
			.isTrue();
		never.countDown();
		authorizer.close();
	}

	@Test
	void headIsJudgedAsTheGetThatServesIt() {
		assertThat(PolicyAuthorizer.resource(request("HEAD", "/api/orders/secret"))).isEqualTo("GET/api/orders/secret");
	}

	@Test
	void policiesAreLookedUpAgainOnceTheCacheForgetsThem() {
		AtomicInteger calls = new AtomicInteger();
		PolicyAuthorizer authorizer = new PolicyAuthorizer((caller) -> {
			calls.incrementAndGet();
			return List.of(ORDERS);
		}, Duration.ZERO, 100, Duration.ofSeconds(1), Clock.systemUTC());
		authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1"));
		authorizer.authorize(() -> this.alice, context("GET", "/api/orders/1"));
		assertThat(calls).as("a TTL of 0 keeps nothing").hasValue(2);
	}

	private static PolicyAuthorizer authorizer(PolicyProvider provider, Duration timeout) {
		return new PolicyAuthorizer(provider, Duration.ofMinutes(5), 100, timeout, Clock.systemUTC());
	}

	private static RequestAuthorizationContext context(String method, String path) {
		return new RequestAuthorizationContext(request(method, path));
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr("192.0.2.10");
		return request;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
