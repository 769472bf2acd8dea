package io.github.awsauth.authz;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.awsauth.core.AwsPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The custom-authorizer pattern of API Gateway: the caller's IAM-style policies decide each
 * request, as the action {@code execute-api:Invoke} on the resource {@code <METHOD>/<path>} (the
 * tail of API Gateway's {@code arn:aws:execute-api:…/<stage>/<METHOD>/<path>}, such as
 * {@code GET/api/orders/42}). The path is the one the application's handlers see: within the
 * application, decoded.
 * <p>
 * The policies of a caller are cached, like an API Gateway authorizer's answer, for a time and up
 * to a number of callers; a {@link PolicyProvider} is asked at most once at a time per caller, and
 * one that throws or does not answer in time denies.
 */
public final class PolicyAuthorizer implements DecisionPoint {

	/** The action of an HTTP request, as API Gateway names it. */
	public static final String ACTION = "execute-api:Invoke";

	/** Told to a caller whose policies do not allow the request. */
	static final String POLICY_DENIES = "The caller's policies do not allow this request";

	private static final Log logger = LogFactory.getLog(PolicyAuthorizer.class);

	private static final int MAX_CONCURRENT_LOOKUPS = 16;

	private final PolicyProvider provider;

	private final AsyncCache<Object, List<PolicyDocument>> policies;

	private final Duration timeout;

	private final Executor lookups;

	private final Clock clock;

	/**
	 * Create the authorizer.
	 * @param provider where the caller's policies come from
	 * @param cacheTtl how long a caller's policies are kept
	 * @param cacheSize how many callers' policies are kept at most
	 * @param timeout how long the provider may take
	 * @param clock the clock of {@code aws:CurrentTime}
	 */
	public PolicyAuthorizer(PolicyProvider provider, Duration cacheTtl, long cacheSize, Duration timeout, Clock clock) {
		this.provider = provider;
		this.timeout = timeout;
		this.clock = clock;
		// a bounded pool: a provider that hangs for many callers cannot take a thread per caller
		CustomizableThreadFactory threads = new CustomizableThreadFactory("aws-auth-policies-");
		threads.setDaemon(true);
		ThreadPoolExecutor lookups = new ThreadPoolExecutor(0, MAX_CONCURRENT_LOOKUPS, 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), threads);
		this.lookups = lookups;
		this.policies = Caffeine.newBuilder()
			.expireAfterWrite(cacheTtl)
			.maximumSize(cacheSize)
			.executor(lookups)
			.buildAsync();
	}

	@Override
	public int getOrder() {
		return POLICIES;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
			return Decisions.DENY;
		}
		HttpServletRequest request = context.getRequest();
		String resource = resource(request);
		PolicyDecision decision = decide(caller, ACTION, resource, request);
		if (decision == null) {
			return Decisions.denied(request, caller, "policies (the provider failed)", POLICY_DENIES, false);
		}
		if (!decision.allowed()) {
			String statement = (decision.sid() != null) ? " statement " + decision.sid() : "";
			return Decisions.denied(request, caller, "policies (" + decision.outcome() + statement + ")", POLICY_DENIES,
					false);
		}
		return new AuthorizationDecision(true);
	}

	/**
	 * Decide an action on a resource for a caller, as {@code @awsAuth.allowed(action, resource)}.
	 * @param caller the authenticated caller
	 * @param action the action, such as {@code orders:Cancel}
	 * @param resource the resource, such as {@code order/42}
	 * @param request the current request, for {@code aws:SourceIp} and {@code aws:SecureTransport},
	 * or {@code null}
	 * @return the decision, or {@code null} when the caller's policies could not be had
	 */
	public @Nullable PolicyDecision decide(Authentication caller, String action, String resource,
			@Nullable HttpServletRequest request) {
		List<PolicyDocument> policies = policiesOf(caller);
		if (policies == null) {
			return null;
		}
		PolicyRequest context = PolicyRequest.of(caller, action, resource,
				(request != null) ? request.getRemoteAddr() : null, request != null && request.isSecure(),
				this.clock.instant());
		return PolicyEvaluator.evaluate(policies, context);
	}

	/**
	 * The resource of a request: its method and its path within the application, decoded, as the
	 * application's handlers match it ({@code GET/api/orders/42}).
	 * @param request the request
	 * @return the resource
	 */
	public static String resource(HttpServletRequest request) {
		return request.getMethod() + Decisions.path(request);
	}

	private @Nullable List<PolicyDocument> policiesOf(Authentication caller) {
		Object key = (caller.getPrincipal() instanceof AwsPrincipal principal) ? principal
				: List.of(caller.getName(), caller.getAuthorities());
		CompletableFuture<List<PolicyDocument>> lookup;
		try {
			lookup = this.policies.get(key, (k, executor) -> CompletableFuture
				.supplyAsync(() -> List.copyOf(this.provider.policies(caller)), this.lookups));
		}
		catch (RuntimeException ex) {
			// the pool is full: as many providers calls as it allows are already waiting
			logger.warn("Policies of " + caller.getName() + " not looked up: " + MAX_CONCURRENT_LOOKUPS
					+ " lookups are already running");
			return null;
		}
		try {
			return lookup.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("The policy provider did not answer for " + caller.getName() + " within " + this.timeout);
			return null;
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("The policy provider failed for " + caller.getName() + ": " + cause.getClass().getName());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
