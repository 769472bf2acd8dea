package io.github.awsauth.iid;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.InstanceIdentityHeader;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.PatternAllowlist;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.Sha256;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * EC2 instances that send their signed identity document
 * ({@code Authorization: AWS-IID …}, {@link InstanceIdentityHeader}). The signature is verified
 * with AWS's key for the document's region ({@link InstanceIdentityVerifier}), remembered by a
 * SHA-256 of the header as sent; then, on every request, the document's account must be in the
 * allowlist (which grants the authorities), its region allowed, its {@code pendingTime} within
 * {@code max-age}, and, with the live check, the instance running. The principal is named by the
 * instance id; every field of the document is an attribute.
 */
public final class InstanceIdentityAuthenticationMechanism implements AwsAuthenticationMechanism {

	private static final Log logger = LogFactory.getLog(InstanceIdentityAuthenticationMechanism.class);

	private final InstanceIdentityVerifier verifier;

	private final PatternAllowlist accounts;

	private final Set<String> regions;

	private final @Nullable Duration maxAge;

	private final @Nullable InstanceLiveCheck liveCheck;

	private final int maxSize;

	private final Cache<Sha256.Digest, Allowed> verified;

	private final Clock clock;

	/**
	 * Create the mechanism.
	 * @param verifier verifies signatures
	 * @param accounts the account allowlist ({@link #accountAllowlist(Map)})
	 * @param regions the accepted regions, or empty for all
	 * @param maxAge the longest time since the instance started, or {@code null}
	 * @param liveCheck asks EC2 whether the instance runs, or {@code null}
	 * @param maxSize the longest header value read
	 * @param cacheSize how many verified documents are remembered, each with the principal it names
	 * @param clock tells the time for {@code maxAge}
	 */
	public InstanceIdentityAuthenticationMechanism(InstanceIdentityVerifier verifier,
			PatternAllowlist accounts, Set<String> regions, @Nullable Duration maxAge,
			@Nullable InstanceLiveCheck liveCheck, int maxSize, int cacheSize, Clock clock) {
		this.verifier = verifier;
		this.accounts = accounts;
		this.regions = Set.copyOf(regions);
		this.maxAge = maxAge;
		this.liveCheck = liveCheck;
		this.maxSize = maxSize;
		this.verified = RequestPathCaches.newBuilder().maximumSize(cacheSize).recordStats().build();
		this.clock = clock;
	}

	/**
	 * The account allowlist: each key a 12-digit account id, no wildcard.
	 * @param accounts account id to the authorities its instances are granted
	 * @return the allowlist
	 * @throws IllegalArgumentException if a key is not an account id
	 */
	public static PatternAllowlist accountAllowlist(Map<String, List<String>> accounts) {
		return new PatternAllowlist(accounts, ':', InstanceIdentityAuthenticationMechanism::accountProblem);
	}

	/**
	 * What is wrong with an account key, if anything.
	 * @param account the key
	 * @return the problem, or {@code null} for a 12-digit account id
	 */
	public static @Nullable String accountProblem(String account) {
		return InstanceIdentityVerifier.ACCOUNT_ID.matcher(account).matches() ? null
				: "an account id is 12 digits, with no wildcard";
	}

	/**
	 * What the cache of verified documents holds and how often it answered.
	 * @return the statistics
	 */
	public CacheStatistics verifiedStatistics() {
		return CacheStatistics.of(this.verified);
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.INSTANCE_IDENTITY;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(HttpHeaders.AUTHORIZATION);
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return InstanceIdentityHeader.isInstanceIdentity(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (!InstanceIdentityHeader.isInstanceIdentity(authorization)) {
				return null;
			}
			if (authorization.length() > this.maxSize) {
				throw AwsAuthenticationException
					.invalid(AuthenticationFailureReason.TOO_LARGE,
							"Invalid instance identity: the credential is larger than any identity document");
			}
			return new UnverifiedCredential(Mechanism.INSTANCE_IDENTITY, new PresentedHeader(authorization));
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.INSTANCE_IDENTITY, PresentedHeader.class, this::authenticate);
	}

	@Override
	public String challenge() {
		return InstanceIdentityHeader.SCHEME;
	}

	private AwsAuthenticationToken authenticate(PresentedHeader presented) {
		// keyed by the header as sent: a repeated document is neither parsed nor verified again, nor
		// its principal made again
		Sha256.Digest key = Sha256.digest(presented.authorization());
		Allowed allowed = this.verified.getIfPresent(key);
		if (allowed == null) {
			allowed = allowed(this.verifier.verify(InstanceIdentityCredential.parse(presented.authorization())));
			// only documents of allowed accounts: any AWS customer holds genuine documents of its own
			this.verified.put(key, allowed);
		}
		VerifiedDocument document = allowed.document();
		if (!this.regions.isEmpty() && !this.regions.contains(document.region())) {
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.NOT_ALLOWED,
					"Instance identity not allowed: region " + document.region());
		}
		if (this.maxAge != null) {
			if (document.pendingTime() == null) {
				throw AwsAuthenticationException.invalid("Invalid instance identity: the document has no pendingTime");
			}
			if (document.pendingTime().plus(this.maxAge).isBefore(this.clock.instant())) {
				throw AwsAuthenticationException
					.invalid(AuthenticationFailureReason.EXPIRED,
							"Instance identity too old: the instance started longer ago than max-age");
			}
		}
		if (this.liveCheck != null && !this.liveCheck.isRunning(document)) {
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.NOT_ALLOWED,
					"Instance identity refused: the instance is not running");
		}
		return new AwsAuthenticationToken(allowed.principal(), null);
	}

	/** A verified document of an allowed account, and the principal it names. */
	private Allowed allowed(VerifiedDocument document) {
		Set<String> authorities = this.accounts.authorities(document.accountId());
		if (authorities == null) {
			logger.debug("Instance " + document.instanceId() + " of account " + document.accountId()
					+ " is not in aws.auth.instance-identity.accounts");
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.NOT_ALLOWED,
					"Instance identity not allowed: account " + document.accountId());
		}
		Map<String, Object> attributes = new LinkedHashMap<>(document.fields());
		attributes.put("signatureForm", document.form().field());
		return new Allowed(document, new AwsPrincipal(document.instanceId(), Mechanism.INSTANCE_IDENTITY, attributes,
				AuthorityUtils.createAuthorityList(authorities.toArray(new String[0]))));
	}

	/** What is remembered of a document: it was verified, its account is allowed, it names this principal. */
	private record Allowed(VerifiedDocument document, AwsPrincipal principal) {

	}

	/** What the converter passes on: the header value, read and verified by the provider. */
	private record PresentedHeader(String authorization) {

	}

}
