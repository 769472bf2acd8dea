package io.github.awsauth.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Machines with IAM credentials: the caller signs {@code sts:GetCallerIdentity}, this service
 * checks the token ({@link IamTokenReader}), asks STS who signed it
 * ({@link StsCallerIdentityClient}) and allows only the identities of the allowlist
 * ({@link ArnPatterns}). STS's answers are cached by the token's SHA-256 until the signed request
 * expires; concurrent requests with one token make one STS call; failures are not cached.
 */
public final class IamAuthenticationMechanism implements AwsAuthenticationMechanism {

	private final IamTokenReader reader;

	private final StsCallerIdentityClient sts;

	private final ArnPatterns principals;

	private final Clock clock;

	private final Cache<String, CallerIdentity> identities;

	/**
	 * Create the mechanism.
	 * @param reader checks tokens
	 * @param sts asks STS
	 * @param principals the allowlist
	 * @param cacheSize the most identities kept
	 * @param clock the clock
	 */
	public IamAuthenticationMechanism(IamTokenReader reader, StsCallerIdentityClient sts, ArnPatterns principals,
			long cacheSize, Clock clock) {
		this.reader = reader;
		this.sts = sts;
		this.principals = principals;
		this.clock = clock;
		this.identities = Caffeine.newBuilder()
			.maximumSize(cacheSize)
			.expireAfter(Expiry.creating((String token, CallerIdentity identity) -> timeLeft(identity)))
			.build();
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
		return "AWS-IAM";
	}

	AwsAuthenticationToken authenticate(String token) {
		CallerIdentity identity = this.identities.get(sha256(token),
				(hash) -> this.sts.callerIdentity(this.reader.read(token)));
		if (this.clock.instant().isAfter(identity.expiresAt())) {
			this.identities.invalidate(sha256(token));
			throw AwsAuthenticationException.invalid("Invalid IAM token: the signed request has expired");
		}
		IamArn arn = IamArn.of(identity);
		Set<String> authorities = this.principals.authorities(arn.name());
		if (authorities == null) {
			throw AwsAuthenticationException.forbidden("IAM identity " + arn.name() + " is not allowed");
		}
		AwsPrincipal principal = new AwsPrincipal(arn.name(), Mechanism.IAM, arn.attributes(),
				AuthorityUtils.createAuthorityList(List.copyOf(authorities)));
		return new AwsAuthenticationToken(principal, null);
	}

	private Duration timeLeft(CallerIdentity identity) {
		Duration left = Duration.between(this.clock.instant(), identity.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
