package io.github.awsauth.jwt;

import java.text.ParseException;
import java.time.Duration;
import java.util.stream.Collectors;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import io.github.awsauth.core.AwsAuthenticationException;
import com.nimbusds.jose.proc.BadJWSException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Wraps a decoder so that every failure, whatever the input, leaves as a {@link BadJwtException}
 * (a 401, never a 500) whose message says which check failed in words safe to show the caller:
 * no key set URI, library internals or token content. The one exception: when the issuer's keys
 * could not be fetched for a key that is not cached, the token was not judged, and the failure is
 * a {@link JwtException} carrying an {@link AwsAuthenticationException} of status 503.
 */
public final class SanitizingJwtDecoder implements JwtDecoder {

	private static final Log logger = LogFactory.getLog(SanitizingJwtDecoder.class);

	static final String INVALID_SIGNATURE = "Invalid signature";

	static final String NO_MATCHING_KEY = "No signing key of the issuer matches the token's kid and algorithm";

	static final String MALFORMED = "Malformed token";

	static final String KEYS_UNAVAILABLE = "Signing keys of the issuer are not available";

	static final String NOT_VERIFIED = "Token could not be verified";

	static final String UNTRUSTED_ISSUER = "Token issuer is not trusted";

	private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private final JwtDecoder delegate;

	/**
	 * Wrap a decoder.
	 * @param delegate the decoder that does the work
	 */
	public SanitizingJwtDecoder(JwtDecoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public Jwt decode(String token) {
		try {
			return this.delegate.decode(token);
		}
		catch (JwtValidationException ex) {
			throw new BadJwtException(describe(ex), ex);
		}
		catch (BadJwtException ex) {
			throw new BadJwtException(classify(ex), ex);
		}
		catch (JwtException ex) {
			if (isKeySourceFailure(ex)) {
				// not a BadJwtException: the resource server reports it as a service failure, and the
				// entry point answers the AwsAuthenticationException inside it with 503
				throw new JwtException(KEYS_UNAVAILABLE,
						AwsAuthenticationException.unavailable(KEYS_UNAVAILABLE + "; retry later", RETRY_AFTER, ex));
			}
			throw new BadJwtException(NOT_VERIFIED, ex);
		}
		catch (RuntimeException ex) {
			logger.debug("Unexpected failure while decoding a token", ex);
			throw new BadJwtException(NOT_VERIFIED, ex);
		}
	}

	private static boolean isKeySourceFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof KeySourceException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(JwtValidationException ex) {
		return ex.getErrors()
			.stream()
			.map(OAuth2Error::getDescription)
			.distinct()
			.collect(Collectors.joining("; "));
	}

	private static String classify(BadJwtException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ParseException) {
				return MALFORMED;
			}
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UntrustedIssuerException) {
				return UNTRUSTED_ISSUER;
			}
			if (cause instanceof BadJWSException) {
				return INVALID_SIGNATURE;
			}
			if (cause instanceof BadJOSEException) {
				return IssuerRoutingJwtProcessor.UNSIGNED.equals(cause.getMessage()) ? IssuerRoutingJwtProcessor.UNSIGNED
						: NO_MATCHING_KEY;
			}
		}
		String message = ex.getMessage();
		if (message != null && message.contains("Unsupported algorithm")) {
			return IssuerRoutingJwtProcessor.UNSIGNED;
		}
		return NOT_VERIFIED;
	}

}
