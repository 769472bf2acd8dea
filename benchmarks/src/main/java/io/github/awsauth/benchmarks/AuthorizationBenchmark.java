package io.github.awsauth.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.authz.PolicyAuthorizer;
import io.github.awsauth.authz.PolicyDecision;
import io.github.awsauth.authz.PolicyDocument;
import io.github.awsauth.authz.PolicyEvaluator;
import io.github.awsauth.authz.PolicyRequest;
import io.github.awsauth.authz.RouteRules;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
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

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authorization per request, each beside its floor in the same run: a 100-statement IAM-style
 * policy evaluated with the caller's policies cached (the evaluator alone, and through the
 * authorizer with its cache lookup), and uncached (parsed again, as with a policy-cache-ttl of 0);
 * route rules with 200 routes, for the last route and for no route; against Spring Security's own
 * authority check and a single route.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizationBenchmark {

	private String policyText;

	private List<PolicyDocument> policies;

	private Authentication caller;

	private PolicyAuthorizer authorizer;

	private AuthorizationManager<RequestAuthorizationContext> authority;

	private AuthorizationManager<HttpServletRequest> routes200;

	private AuthorizationManager<HttpServletRequest> routes1;

	@Setup
	public void setUp() {
		this.policyText = policy100();
		this.policies = List.of(PolicyDocument.parse(this.policyText));
		this.caller = new AwsAuthenticationToken(new AwsPrincipal("alice", Mechanism.JWT,
				Map.of("custom:tenant", "acme", "cognito:groups", List.of("admin", "ops")),
				List.of(new SimpleGrantedAuthority("ROLE_partner"), new SimpleGrantedAuthority("SCOPE_orders.read"))),
				null);
		this.authorizer = new PolicyAuthorizer((caller) -> this.policies, Duration.ofMinutes(5), 1000,
				Duration.ofSeconds(2), Clock.systemUTC());
		this.authority = AuthorityAuthorizationManager.hasAnyAuthority("SCOPE_orders.read", "ROLE_admin");
		this.routes200 = routes(200).manager();
		this.routes1 = routes(1).manager();
		if (!this.authorizer.authorize(() -> this.caller, new RequestAuthorizationContext(request("/api/orders/42")))
			.isGranted() || !this.routes200.authorize(() -> this.caller, request("/api/r199/orders")).isGranted()) {
			throw new IllegalStateException("the benchmark's requests must be allowed");
		}
	}

	/** The floor: Spring Security's check of two authorities, what a route rule alone costs. */
	@Benchmark
	public boolean authorityCheckBaseline() {
		return this.authority.authorize(() -> this.caller, new RequestAuthorizationContext(request("/api/orders/42")))
			.isGranted();
	}

	/** The evaluator over 100 statements, the policies already at hand (cached). */
	@Benchmark
	public PolicyDecision policy100Evaluated() {
		return PolicyEvaluator.evaluate(this.policies, PolicyRequest.of(this.caller, PolicyAuthorizer.ACTION,
				"GET/api/orders/42", "192.0.2.10", true, Instant.now()));
	}

	/** The authorizer for a request: the cache lookup, the request context and the evaluation. */
	@Benchmark
	public boolean policy100Cached() {
		return this.authorizer.authorize(() -> this.caller, new RequestAuthorizationContext(request("/api/orders/42")))
			.isGranted();
	}

	/** Without the cache: the policy parsed again, then evaluated. */
	@Benchmark
	public PolicyDecision policy100Uncached() {
		return PolicyEvaluator.evaluate(List.of(PolicyDocument.parse(this.policyText)), PolicyRequest.of(this.caller,
				PolicyAuthorizer.ACTION, "GET/api/orders/42", "192.0.2.10", true, Instant.now()));
	}

	/** 200 route rules, the request matching the last one. */
	@Benchmark
	public boolean routes200LastMatches() {
		return this.routes200.authorize(() -> this.caller, request("/api/r199/orders")).isGranted();
	}

	/** 200 route rules, the request matching none (the default). */
	@Benchmark
	public boolean routes200NoneMatches() {
		return this.routes200.authorize(() -> this.caller, request("/api/elsewhere")).isGranted();
	}

	/** One route rule: the floor of route matching. */
	@Benchmark
	public boolean routes1Matches() {
		return this.routes1.authorize(() -> this.caller, request("/api/r0/orders")).isGranted();
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		request.setRemoteAddr("192.0.2.10");
		return request;
	}

	/** 98 Allow statements for other resources, one that applies and one Deny that does not. */
	private static String policy100() {
		StringBuilder statements = new StringBuilder();
		for (int i = 0; i < 98; i++) {
			statements.append("{\"Sid\":\"S").append(i)
				.append("\",\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"GET/api/r")
				.append(i)
				.append("/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/custom:tenant\":\"t")
				.append(i)
				.append("\"}}},");
		}
		statements.append("{\"Sid\":\"NoAdmin\",\"Effect\":\"Deny\",\"Action\":\"execute-api:*\","
				+ "\"Resource\":\"*/api/admin/*\"},");
		statements.append("{\"Sid\":\"Orders\",\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
				+ "\"Resource\":\"GET/api/orders/*\",\"Condition\":{\"StringEquals\":"
				+ "{\"aws:PrincipalTag/custom:tenant\":\"${aws:PrincipalTag/custom:tenant}\"}}}");
		return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
	}

	private static RouteRules routes(int count) {
		AuthorizationProperties properties = new AuthorizationProperties();
		properties.setPublicPaths(List.of("/actuator/health"));
		List<AuthorizationProperties.Route> routes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			AuthorizationProperties.Route route = new AuthorizationProperties.Route();
			route.setPattern("/api/r" + i + "/**");
			route.setAnyOf(List.of("SCOPE_orders.read", "ROLE_admin"));
			routes.add(route);
		}
		properties.setRoutes(routes);
		return new RouteRules(properties);
	}

}
