package io.github.awsauth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.Sha256;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Callers that send a key this service issued in a header ({@code X-Api-Key} by default). The key
 * is hashed with SHA-256 and looked up in the {@link ApiKeyStore}; the hash the store returns is
 * compared with the presented key's in constant time. Unknown, disabled and expired keys are 401;
 * the principal is named by the key's id, and the key itself is kept nowhere.
 */
public final class ApiKeyAuthenticationMechanism implements AwsAuthenticationMechanism {

	private static final Log logger = LogFactory.getLog(ApiKeyAuthenticationMechanism.class);

	private final ApiKeyStore store;

	private final String header;

	private final int maxKeyLength;

	private final Clock clock;

	/**
	 * Create the mechanism.
	 * @param store the issued keys
	 * @param header the header that carries the key
	 * @param maxKeyLength the longest key read, in bytes
	 * @param clock tells whether a key has expired
	 */
	public ApiKeyAuthenticationMechanism(ApiKeyStore store, String header, int maxKeyLength, Clock clock) {
		this.store = store;
		this.header = header;
		this.maxKeyLength = maxKeyLength;
		this.clock = clock;
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.API_KEY;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(this.header);
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return request.getHeader(this.header) != null;
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			String key = request.getHeader(this.header);
			if (key == null) {
				return null;
			}
			if (key.isEmpty()) {
				throw AwsAuthenticationException.invalid("Invalid API key: the " + this.header + " header is empty");
			}
			byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
			if (bytes.length > this.maxKeyLength) {
				throw AwsAuthenticationException.invalid(AuthenticationFailureReason.TOO_LARGE,
						"Invalid API key: it is longer than any issued key");
			}
			return new UnverifiedCredential(Mechanism.API_KEY, new PresentedKey(Sha256.of(bytes)));
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.API_KEY, PresentedKey.class, this::authenticate);
	}

	/** Not a registered scheme: the challenge names the header a key goes in. */
	@Override
	public String challenge() {
		return "ApiKey header=\"" + this.header + "\"";
	}

	private AwsAuthenticationToken authenticate(PresentedKey presented) {
		ApiKey key = this.store.findBySha256(presented.sha256());
		if (key == null || !MessageDigest.isEqual(key.sha256(), presented.sha256())) {
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.UNKNOWN_KEY, "Unknown API key");
		}
		if (key.disabled()) {
			logger.debug("API key '" + key.id() + "' is disabled");
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.NOT_ALLOWED,
					"The API key is disabled");
		}
		if (key.expiresAt() != null && !this.clock.instant().isBefore(key.expiresAt())) {
			logger.debug("API key '" + key.id() + "' expired at " + key.expiresAt());
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.EXPIRED, "The API key has expired");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("keyId", key.id());
		if (key.expiresAt() != null) {
			attributes.put("expiresAt", key.expiresAt().toString());
		}
		AwsPrincipal principal = new AwsPrincipal(key.id(), Mechanism.API_KEY, attributes,
				AuthorityUtils.createAuthorityList(key.authorities()));
		return new AwsAuthenticationToken(principal, null);
	}

	/** What the converter passes on: the hash, never the key. */
	private record PresentedKey(byte[] sha256) {

	}

}
