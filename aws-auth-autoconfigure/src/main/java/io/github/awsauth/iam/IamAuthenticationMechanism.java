package io.github.awsauth.iam;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.IamTokenWireFormat;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.PatternAllowlist;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.Sha256;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.SingleFlight;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Machines with IAM credentials: the caller signs {@code sts:GetCallerIdentity}, this service
 * checks the token ({@link IamTokenReader}), asks STS who signed it
 * ({@link StsCallerIdentityClient}) and allows only the identities of the allowlist
 * ({@link ArnPatterns}). STS's answers are cached by the token's SHA-256 until the signed request
 * expires, each with the principal it names (the allowlist is read once per answer); failures are
 * not cached. Concurrent requests with one token make one STS call and wait for it; the call runs
 * outside any lock, so a token never waits for another token's call. At most
 * {@code maxConcurrentCalls} STS calls are in flight; a token that would start one more is answered
 * 503 with {@code Retry-After}. With a {@link SharedCache}, an answer one instance got from STS
 * serves the others: each still checks the token itself ({@link IamTokenReader}), and the answer is
 * shared under a digest of the request sent to STS, this service's server id in it, so an answer
 * STS gave another service for a token never admits that token here.
 */
public final class IamAuthenticationMechanism implements AwsAuthenticationMechanism {

	private static final String SHARED_PREFIX = "iam:";

	private final IamTokenReader reader;

	private final StsCallerIdentityClient sts;

	private final PatternAllowlist principals;

	private final Clock clock;

	private final Cache<String, Answer> identities;

	private final ConcurrentMap<String, CompletableFuture<Answer>> stsCallsInFlight = new ConcurrentHashMap<>();

	private final Semaphore stsCalls;

	private volatile SharedCache shared = SharedCache.NONE;

	/**
	 * Create the mechanism.
	 * @param reader checks tokens
	 * @param sts asks STS
	 * @param principals the allowlist
	 * @param cacheSize the most identities kept
	 * @param maxConcurrentCalls the most STS calls in flight
	 * @param clock the clock
	 */
	public IamAuthenticationMechanism(IamTokenReader reader, StsCallerIdentityClient sts, PatternAllowlist principals,
			long cacheSize, int maxConcurrentCalls, Clock clock) {
		this.reader = reader;
		this.sts = sts;
		this.principals = principals;
		this.clock = clock;
		this.stsCalls = new Semaphore(maxConcurrentCalls);
		this.identities = RequestPathCaches.newBuilder()
			.maximumSize(cacheSize)
			.expireAfter(Expiry.creating((String token, Answer answer) -> timeLeft(answer.identity())))
			.recordStats()
			.build();
	}

	/**
	 * Share STS's answers with the other instances of this service.
	 * @param shared the cache they share
	 */
	public void setSharedCache(SharedCache shared) {
		this.shared = shared;
	}

	/**
	 * What the cache of STS's answers holds and how often it answered.
	 * @return the statistics
	 */
	public CacheStatistics identityStatistics() {
		return CacheStatistics.of(this.identities);
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.IAM;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(HttpHeaders.AUTHORIZATION);
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return IamTokenReader.isIamToken(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			return IamTokenReader.isIamToken(authorization) ? new UnverifiedCredential(Mechanism.IAM, authorization)
					: null;
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.IAM, String.class, this::authenticate);
	}

	@Override
	public String challenge() {
		return IamTokenWireFormat.VAULT_SCHEME;
	}

	AwsAuthenticationToken authenticate(String token) {
		String key = Sha256.hex(token);
		Answer answer = answer(key, token);
		if (this.clock.instant().isAfter(answer.identity().expiresAt())) {
			this.identities.invalidate(key);
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.EXPIRED,
					"Invalid IAM token: the signed request has expired");
		}
		AwsPrincipal principal = answer.principal();
		if (principal == null) {
			throw AwsAuthenticationException.forbidden("IAM identity " + answer.name() + " is not allowed");
		}
		return new AwsAuthenticationToken(principal, null);
	}

	/** The cached answer, or that of the one STS call for this token, made here if none is. */
	private Answer answer(String key, String token) {
		Answer cached = this.identities.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		return SingleFlight.join(this.stsCallsInFlight, key, () -> {
			StsRequest request = this.reader.read(token);
			String sharedKey = SHARED_PREFIX + request.digest();
			SharedCache.Entry shared = this.shared.get(sharedKey);
			CallerIdentity identity = CallerIdentity.fromShared((shared != null) ? shared.value() : null,
					request.expiresAt());
			if (identity == null) {
				identity = askSts(request);
				this.shared.put(sharedKey, identity.toShared(), timeLeft(identity));
			}
			Answer answer = answer(identity);
			this.identities.put(key, answer);
			return answer;
		});
	}

	/** The principal an identity names, made once per answer: the allowlist does not change. */
	private Answer answer(CallerIdentity identity) {
		IamArn arn = IamArn.of(identity);
		Set<String> authorities = this.principals.authorities(arn.name());
		AwsPrincipal principal = (authorities != null) ? new AwsPrincipal(arn.name(), Mechanism.IAM, arn.attributes(),
				AuthorityUtils.createAuthorityList(List.copyOf(authorities))) : null;
		return new Answer(identity, arn.name(), principal);
	}

	private CallerIdentity askSts(StsRequest request) {
		if (!this.stsCalls.tryAcquire()) {
			throw AwsAuthenticationException.unavailable("Too many IAM tokens are being checked; retry later",
					Duration.ofSeconds(1), null);
		}
		try {
			return this.sts.callerIdentity(request);
		}
		finally {
			this.stsCalls.release();
		}
	}

	private Duration timeLeft(CallerIdentity identity) {
		Duration left = Duration.between(this.clock.instant(), identity.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	/**
	 * What is remembered of a token: who STS said signed it and the principal that names, or
	 * {@code null} when the allowlist does not allow it (refused on every request, STS not asked
	 * again).
	 */
	private record Answer(CallerIdentity identity, String name, @Nullable AwsPrincipal principal) {

	}

}
