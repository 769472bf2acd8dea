package io.github.awsauth.alb;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.FrozenClaims;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.VerifiedCache;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the {@code x-amzn-oidc-data} header as the load balancer signs it: ES256 only, the
 * signature in raw r||s over the base64url segments <em>with</em> their {@code =} padding (Nimbus
 * keeps the original segments as signing input, so the padded token verifies as it is), the
 * {@code signer} one of the configured load balancers, the {@code kid} a UUID of the region's key
 * endpoint, {@code exp} required, and the optional {@code iss} and {@code client} checks. A
 * header that passed is remembered ({@link VerifiedCache}) while it has not expired: its
 * signature is not verified again, and it is refused once expired as on first sight.
 */
public final class AlbTokenVerifier {

	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	/** 9999-12-31T23:59:59Z. */
	private static final double LATEST_EXP = 253402300799d;

	private final AlbPublicKeys keys;

	private final Set<String> signerArns;

	private final @Nullable String issuer;

	private final Set<String> clientIds;

	private final Duration clockSkew;

	private final Clock clock;

	private final CryptoProvider crypto;

	private final VerifiedCache<Map<String, Object>> verified;

	/**
	 * Create a verifier.
	 * @param keys the signing keys
	 * @param signerArns the accepted load balancers
	 * @param issuer the expected {@code iss}, or {@code null}
	 * @param clientIds the accepted {@code client}s, empty for any
	 * @param clockSkew the tolerance of the {@code exp} check
	 * @param crypto the provider the signature is verified with
	 * @param verifiedCacheSize the most verified headers remembered; 0 remembers none
	 * @param clock the clock
	 */
	public AlbTokenVerifier(AlbPublicKeys keys, List<String> signerArns, @Nullable String issuer,
			List<String> clientIds, Duration clockSkew, CryptoProvider crypto, long verifiedCacheSize, Clock clock) {
		this.keys = keys;
		this.signerArns = Set.copyOf(signerArns);
		this.issuer = issuer;
		this.clientIds = Set.copyOf(clientIds);
		this.clockSkew = clockSkew;
		this.crypto = crypto;
		this.verified = new VerifiedCache<>(verifiedCacheSize, clock);
		this.clock = clock;
	}

	/**
	 * What the verified-header cache holds and how often it answered.
	 * @return the statistics
	 */
	public CacheStatistics verifiedStatistics() {
		return this.verified.statistics();
	}

	/**
	 * Verify a header value.
	 * @param token the {@code x-amzn-oidc-data} value
	 * @return the verified user claims, unmodifiable (times as {@code Instant}s)
	 * @throws AwsAuthenticationException (401) naming the check that failed
	 */
	public Map<String, Object> verify(String token) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw invalid(AuthenticationFailureReason.TOO_LARGE, "it is too large");
		}
		Map<String, Object> cached = this.verified.get(token);
		if (cached != null) {
			return cached;
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(token);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "it is malformed");
		}
		JWSHeader header = jwt.getHeader();
		if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
			throw invalid("only ES256 is accepted");
		}
		if (!(header.getCustomParam("signer") instanceof String signer) || !this.signerArns.contains(signer)) {
			throw invalid(AuthenticationFailureReason.NOT_ALLOWED, "it was not signed by a configured load balancer");
		}
		if (!this.clientIds.isEmpty()
				&& !(header.getCustomParam("client") instanceof String client && this.clientIds.contains(client))) {
			throw invalid("it was issued for another client");
		}
		if (header.getKeyID() == null) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "it names no key");
		}
		// every check that needs no key comes first: a refused token costs no fetch
		Instant expires = expiry(claims.getExpirationTime(), header.getCustomParam("exp"));
		checkNotExpired(expires);
		if (this.issuer != null && !this.issuer.equals(claims.getIssuer())) {
			throw invalid(AuthenticationFailureReason.UNKNOWN_ISSUER, "it comes from another issuer");
		}
		try {
			ECDSAVerifier verifier = new ECDSAVerifier(this.keys.key(header.getKeyID()));
			verifier.getJCAContext().setProvider(this.crypto.provider());
			if (!jwt.verify(verifier)) {
				throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not match");
			}
		}
		catch (JOSEException ex) {
			throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not match");
		}
		Map<String, Object> verified = FrozenClaims.of(claims.getClaims());
		// trusted while the expiry check above would pass
		this.verified.put(token, verified, expires.plus(this.clockSkew));
		return verified;
	}

	/** The earlier of the payload's and the header's {@code exp}: both must hold. */
	private static Instant expiry(@Nullable Date payloadExp, @Nullable Object headerExp) {
		Instant header = (headerExp != null) ? epochSeconds(headerExp) : null;
		Instant payload = (payloadExp != null) ? epochSeconds(payloadExp.getTime() / 1000) : null;
		if (payload == null && header == null) {
			throw invalid("it has no expiry");
		}
		if (payload == null || header == null) {
			return (payload != null) ? payload : header;
		}
		return payload.isBefore(header) ? payload : header;
	}

	private void checkNotExpired(Instant expires) {
		if (this.clock.instant().isAfter(expires.plus(this.clockSkew))) {
			throw invalid(AuthenticationFailureReason.EXPIRED, "it has expired");
		}
	}

	/** An exp as an instant; a value that is not a time of this era (1e300, Long.MAX_VALUE) is malformed. */
	private static Instant epochSeconds(Object exp) {
		if (!(exp instanceof Number seconds) || !Double.isFinite(seconds.doubleValue()) || seconds.doubleValue() < 0
				|| seconds.doubleValue() > LATEST_EXP) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "its exp is not a time");
		}
		return Instant.ofEpochSecond(seconds.longValue());
	}

	private static AwsAuthenticationException invalid(String reason) {
		return invalid(AuthenticationFailureReason.INVALID, reason);
	}

	private static AwsAuthenticationException invalid(AuthenticationFailureReason why, String reason) {
		return AwsAuthenticationException.invalid(why, "Invalid ALB token: " + reason);
	}

}
