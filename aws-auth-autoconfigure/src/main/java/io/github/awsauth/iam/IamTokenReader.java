package io.github.awsauth.iam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.IamTokenWireFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks an IAM token before anything is sent to STS, in either wire form
 * ({@link EksTokenForm}, {@link VaultLoginForm}, with the checks they share in
 * {@link StsRequestChecks}):
 * <ul>
 * <li>{@code Bearer k8s-aws-v1.<base64url presigned GET URL>} (what {@code aws eks get-token}
 * prints), audience in the signed header {@code x-k8s-aws-id};</li>
 * <li>{@code AWS-IAM <base64url JSON>} with Vault's login fields for a signed POST, audience in the
 * signed header {@code X-Vault-AWS-IAM-Server-ID}.</li>
 * </ul>
 * Checks: the audience is this service's server id and is signed; the request is
 * {@code GetCallerIdentity} and nothing else (a fixed allowlist of parameters, none twice in any
 * case variant); it was signed for a configured STS endpoint's host; {@code X-Amz-Expires} is at
 * most 900 s and {@code X-Amz-Date} within 15 minutes. The request to send is then rebuilt from
 * the checked parts and addressed to the configured endpoint, never to a host the token names.
 */
public final class IamTokenReader {

	static final String EKS_PREFIX = IamTokenWireFormat.EKS_AUTHORIZATION_PREFIX;

	static final String VAULT_PREFIX = IamTokenWireFormat.VAULT_AUTHORIZATION_PREFIX;

	static final String EKS_AUDIENCE = IamTokenWireFormat.EKS_AUDIENCE_HEADER;

	static final String VAULT_AUDIENCE = IamTokenWireFormat.VAULT_AUDIENCE_HEADER.toLowerCase(Locale.ROOT);

	private static final int MAX_TOKEN_LENGTH = 16 * 1024;

	private final EksTokenForm eks;

	private final VaultLoginForm vault;

	/**
	 * Create a reader.
	 * @param serverId the audience callers must sign
	 * @param endpoints the STS endpoints callers may sign for
	 * @param clock the clock
	 */
	public IamTokenReader(String serverId, List<URI> endpoints, Clock clock) {
		StsRequestChecks checks = new StsRequestChecks(serverId, endpoints, clock);
		this.eks = new EksTokenForm(checks);
		this.vault = new VaultLoginForm(checks);
	}

	/**
	 * Whether an {@code Authorization} header carries an IAM token.
	 * @param authorization the header value, or {@code null}
	 * @return whether it does
	 */
	public static boolean isIamToken(@Nullable String authorization) {
		return authorization != null && (authorization.startsWith(EKS_PREFIX) || authorization.startsWith(VAULT_PREFIX));
	}

	/**
	 * Check a token and rebuild its request.
	 * @param authorization the {@code Authorization} header value
	 * @return the request to send to STS
	 * @throws AwsAuthenticationException (401) naming the check that failed
	 */
	public StsRequest read(String authorization) {
		if (authorization.length() > MAX_TOKEN_LENGTH) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.TOO_LARGE, "the token is too large");
		}
		if (authorization.startsWith(EKS_PREFIX)) {
			return this.eks.read(new String(base64Url(authorization.substring(EKS_PREFIX.length())),
					StandardCharsets.UTF_8));
		}
		if (authorization.startsWith(VAULT_PREFIX)) {
			return this.vault.read(new String(base64Url(authorization.substring(VAULT_PREFIX.length()).strip()),
					StandardCharsets.UTF_8));
		}
		throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "not an IAM token");
	}

	private static byte[] base64Url(String value) {
		try {
			return Base64.getUrlDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw StsRequestChecks.invalid(AuthenticationFailureReason.MALFORMED, "the token is not base64url");
		}
	}

}
