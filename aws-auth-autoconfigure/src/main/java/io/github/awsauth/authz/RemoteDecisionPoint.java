package io.github.awsauth.authz;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.SingleFlight;
import io.github.awsauth.core.UpstreamHealth;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.Assert;

/**
 * A decision point asked over the network (OPA, Verified Permissions): what it is asked is built
 * from the caller and the request; its answers are cached for a time when a TTL is set, and asked
 * once at a time per question, never under a lock shared with other questions. One that cannot be
 * asked (down, slow, throttling, answering nonsense) denies the request, or with
 * {@code fail: unavailable} refuses it with 503. With a {@link SharedCache} and a TTL, an answer
 * one instance of the service got serves the others for as long, under a digest of the question.
 * @param <Q> the question asked, which is also the cache key
 */
abstract class RemoteDecisionPoint<Q> implements DecisionPoint {

	/** Told to a caller the decision point denied. */
	static final String DENIED = "The decision point denied this request";

	/** Told to a caller refused because the decision point could not be asked. */
	static final String UNAVAILABLE = "The decision point could not be asked; retry later";

	/** What the shared cache holds for an allowing decision. */
	private static final String ALLOW = "allow";

	/** What the shared cache holds for a denying one. */
	private static final String DENY = "deny";

	private static final Log logger = LogFactory.getLog(RemoteDecisionPoint.class);

	/** While a decision point is down, one WARN line per this many milliseconds, DEBUG otherwise. */
	private static final long WARN_EVERY_MILLIS = 10_000;

	private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

	private final String name;

	private final DecisionSource source;

	private final AuthorizationProperties.Fail fail;

	private final @Nullable Cache<Q, Boolean> decisions;

	private final ConcurrentMap<Q, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

	private volatile UpstreamHealth health;

	private volatile SharedCache shared = SharedCache.NONE;

	private final Duration cacheTtl;

	RemoteDecisionPoint(String name, DecisionSource source, AuthorizationProperties.Fail fail, Duration cacheTtl,
			long cacheSize) {
		this.name = name;
		this.source = source;
		this.health = UpstreamHealth.unreported(name);
		this.fail = fail;
		Assert.isTrue(!cacheTtl.isNegative(), "the cache TTL of " + name + " must not be negative");
		this.cacheTtl = cacheTtl;
		this.decisions = cacheTtl.isZero() ? null
				: RequestPathCaches.newBuilder()
					.expireAfter(Expiry.creating((Q question, Boolean allowed) -> cacheTtl))
					.maximumSize(cacheSize)
					.recordStats()
					.<Q, Boolean>build();
	}

	/**
	 * Whether decisions are cached: a cache TTL above zero.
	 * @return whether they are
	 */
	public boolean cachesDecisions() {
		return this.decisions != null;
	}

	/**
	 * What the cache of decisions holds and how often it answered.
	 * @return the statistics; all zero when decisions are not cached
	 */
	public CacheStatistics decisionStatistics() {
		return (this.decisions != null) ? CacheStatistics.of(this.decisions) : new CacheStatistics(0, 0, 0);
	}

	/**
	 * The question for a request.
	 * @param caller the authenticated caller
	 * @param request the request
	 * @return the question
	 * @throws Refused when the request cannot be put as a question (it is then denied)
	 */
	abstract Q question(Authentication caller, HttpServletRequest request);

	/**
	 * Ask the decision point.
	 * @param question the question
	 * @return whether it allows
	 * @throws Unavailable when it cannot be asked or its answer cannot be read
	 */
	abstract boolean ask(Q question);

	/**
	 * The key of a question in the shared cache: a digest of everything the answer depends on,
	 * the decision point's own identity (its URL, its policy store) included.
	 * @param question the question
	 * @return the key
	 */
	abstract String sharedKey(Q question);

	/**
	 * Share the decision point's answers with the other instances of this service (when answers
	 * are cached at all).
	 * @param shared the cache they share
	 */
	public void setSharedCache(SharedCache shared) {
		this.shared = shared;
	}

	/**
	 * Record each question put to the decision point, for the health support.
	 * @param health where each call is recorded
	 */
	public void setUpstreamHealth(UpstreamHealth health) {
		this.health = health;
	}

	@Override
	public final AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (!Decisions.isCaller(caller)) {
			return Decisions.DENY;
		}
		HttpServletRequest request = context.getRequest();
		boolean allowed;
		try {
			allowed = decide(question(caller, request));
		}
		catch (Refused ex) {
			return Decisions.denied(request, caller, this.source, this.name + " (" + ex.getMessage() + ")", DENIED,
					false);
		}
		catch (RuntimeException ex) {
			String reason = (ex instanceof Unavailable) ? ex.getMessage() : ex.getClass().getName();
			warn(reason);
			String how = this.name + " (" + reason + ")";
			return (this.fail == AuthorizationProperties.Fail.UNAVAILABLE)
					? Decisions.unavailable(request, caller, this.source, how, UNAVAILABLE)
					: Decisions.denied(request, caller, this.source, how, DENIED, false);
		}
		return allowed ? SourcedDecision.allowed(this.source)
				: Decisions.denied(request, caller, this.source, this.name, DENIED, false);
	}

	private void warn(String reason) {
		long now = System.currentTimeMillis();
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn(this.name + " could not be asked: " + reason
					+ " (further failures in the next 10 s are logged at DEBUG)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(this.name + " could not be asked: " + reason);
		}
	}

	private boolean decide(Q question) {
		if (this.decisions == null) {
			return SingleFlight.join(this.inFlight, question, () -> askRecorded(question));
		}
		Boolean cached = this.decisions.getIfPresent(question);
		if (cached != null) {
			return cached;
		}
		return SingleFlight.join(this.inFlight, question, () -> {
			String key = sharedKey(question);
			SharedCache.Entry shared = this.shared.get(key);
			if (shared != null && (ALLOW.equals(shared.value()) || DENY.equals(shared.value()))) {
				boolean allowed = ALLOW.equals(shared.value());
				// no longer than the instance that asked may use the decision
				this.decisions.policy().expireVariably().orElseThrow().put(question, allowed,
						shared.timeLeft(this.cacheTtl));
				return allowed;
			}
			boolean allowed = askRecorded(question);
			this.decisions.put(question, allowed);
			this.shared.put(key, allowed ? ALLOW : DENY, this.cacheTtl);
			return allowed;
		});
	}

	private boolean askRecorded(Q question) {
		try {
			boolean allowed = ask(question);
			this.health.reached();
			return allowed;
		}
		catch (Unavailable ex) {
			this.health.unreachable(ex.getMessage());
			throw ex;
		}
	}

	/** The request cannot be put to the decision point: it is denied, whatever {@code fail} says. */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	/** The decision point could not be asked, or its answer not read. */
	static final class Unavailable extends RuntimeException {

		Unavailable(String message) {
			super(message, null, false, false);
		}

	}

}
