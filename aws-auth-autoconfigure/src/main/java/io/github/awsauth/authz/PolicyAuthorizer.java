package io.github.awsauth.authz;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import io.github.awsauth.core.RequestPathCaches;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The custom-authorizer pattern of API Gateway: the caller's IAM-style policies decide each
 * request, as the action {@code execute-api:Invoke} on the resource {@code <METHOD>/<path>} (the
 * tail of API Gateway's {@code arn:aws:execute-api:…/<stage>/<METHOD>/<path>}, such as
 * {@code GET/api/orders/42}). The path is the one the application's handlers see: within the
 * application, decoded; a {@code HEAD} request is judged as the {@code GET} that serves it.
 * <p>
 * The policies of a caller are cached, like an API Gateway authorizer's answer, for a time and up
 * to a number of callers; a {@link PolicyProvider} is asked at most once at a time per caller, and
 * one that throws or does not answer in time denies.
 */
public final class PolicyAuthorizer implements DecisionPoint, AutoCloseable {

	/** The action of an HTTP request, as API Gateway names it. */
	public static final String ACTION = "execute-api:Invoke";

	/** Told to a caller whose policies do not allow the request. */
	static final String POLICY_DENIES = "The caller's policies do not allow this request";

	private static final Log logger = LogFactory.getLog(PolicyAuthorizer.class);

	private static final int MAX_CONCURRENT_LOOKUPS = 16;

	/** Lookups waiting for a thread beyond the running ones; more are refused (denied). */
	private static final int MAX_WAITING_LOOKUPS = 1_000;

	private final PolicyProvider provider;

	private final AsyncCache<Object, List<PolicyDocument>> policies;

	private final Duration timeout;

	private final ThreadPoolExecutor lookups;

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
		// bounded threads and queue: a provider that hangs for many callers cannot take a thread per caller
		CustomizableThreadFactory threads = new CustomizableThreadFactory("aws-auth-policies-");
		threads.setDaemon(true);
		this.lookups = new ThreadPoolExecutor(MAX_CONCURRENT_LOOKUPS, MAX_CONCURRENT_LOOKUPS, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(MAX_WAITING_LOOKUPS), threads);
		this.lookups.allowCoreThreadTimeOut(true);
		this.policies = RequestPathCaches.newBuilder().expireAfterWrite(cacheTtl).maximumSize(cacheSize).buildAsync();
	}

	@Override
	public int getOrder() {
		return POLICIES;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (!Decisions.isCaller(caller)) {
			return Decisions.DENY;
		}
		HttpServletRequest request = context.getRequest();
		String resource = resource(request);
		PolicyDecision decision;
		try {
			decision = decide(caller, ACTION, resource, request);
		}
		catch (RuntimeException ex) {
			// fail closed, and never a 500: an evaluation that cannot finish allows nothing
			logger.warn("Policies of " + caller.getName() + " could not be evaluated: " + ex.getClass().getName());
			decision = null;
		}
		if (decision == null) {
			return Decisions.denied(request, caller, DecisionSource.POLICY, "policies (not to be had)", POLICY_DENIES, false);
		}
		if (!decision.allowed()) {
			String statement = (decision.sid() != null) ? " statement " + decision.sid() : "";
			return Decisions.denied(request, caller, DecisionSource.POLICY,
					"policies (" + decision.outcome() + statement + ")", POLICY_DENIES, false);
		}
		return SourcedDecision.allowed(DecisionSource.POLICY);
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

	/** Stop the lookup threads, with the application context. */
	@Override
	public void close() {
		this.lookups.shutdownNow();
	}

	/**
	 * The resource of a request: its method and its path within the application, decoded, as the
	 * application's handlers match it ({@code GET/api/orders/42}).
	 * @param request the request
	 * @return the resource
	 */
	public static String resource(HttpServletRequest request) {
		return Decisions.method(request) + Decisions.path(request);
	}

	private @Nullable List<PolicyDocument> policiesOf(Authentication caller) {
		// what a provider may read of the caller: its principal (name, mechanism, attributes) and the
		// authorities of this authentication
		Object key = List.of(caller.getPrincipal(), caller.getName(), List.copyOf(caller.getAuthorities()));
		CompletableFuture<List<PolicyDocument>> lookup;
		try {
			// a lookup that hangs fails at the timeout, so that it leaves the cache and is tried again
			lookup = this.policies.get(key, (k, executor) -> CompletableFuture
				.supplyAsync(() -> List.copyOf(this.provider.policies(caller)), this.lookups)
				.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Policies of " + caller.getName() + " not looked up: " + MAX_WAITING_LOOKUPS
					+ " lookups are already waiting");
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
		catch (CancellationException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
