package io.github.awsauth.jwt;

import io.github.awsauth.core.AuthenticationFailureReason;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The reason of a refused bearer token, read from the messages the starter's decoder, validators
 * and resolver give (Spring Security's exceptions carry no reason of their own).
 */
public final class JwtFailureReasons {

	private JwtFailureReasons() {
	}

	/**
	 * The reason of a failure of the JWT mechanism.
	 * @param exception the failure
	 * @return the reason
	 */
	public static AuthenticationFailureReason of(AuthenticationException exception) {
		AuthenticationFailureReason reason = AuthenticationFailureReason.of(exception);
		if (reason != AuthenticationFailureReason.INVALID) {
			return reason;
		}
		String message = message(exception);
		if (message.startsWith("Jwt expired at") || message.contains("; Jwt expired at")
				|| message.startsWith("Jwt used before") || message.contains("; Jwt used before")) {
			return AuthenticationFailureReason.EXPIRED;
		}
		if (message.equals(SanitizingJwtDecoder.INVALID_SIGNATURE)
				|| message.equals(IssuerRoutingJwtProcessor.UNSIGNED)) {
			return AuthenticationFailureReason.BAD_SIGNATURE;
		}
		if (message.equals(SanitizingJwtDecoder.NO_MATCHING_KEY)) {
			return AuthenticationFailureReason.UNKNOWN_KEY;
		}
		if (message.contains(SanitizingJwtDecoder.UNTRUSTED_ISSUER)) {
			return AuthenticationFailureReason.UNKNOWN_ISSUER;
		}
		if (message.equals(SanitizingJwtDecoder.MALFORMED)) {
			return AuthenticationFailureReason.MALFORMED;
		}
		if (message.startsWith(BoundedBearerTokenResolver.TOO_LARGE)) {
			return AuthenticationFailureReason.TOO_LARGE;
		}
		// the messages of Spring's DefaultBearerTokenResolver
		if (message.equals("Found multiple bearer tokens in the request")) {
			return AuthenticationFailureReason.AMBIGUOUS;
		}
		if (message.equals("Bearer token is malformed")) {
			return AuthenticationFailureReason.MALFORMED;
		}
		return AuthenticationFailureReason.INVALID;
	}

	private static String message(AuthenticationException exception) {
		String description = (exception instanceof OAuth2AuthenticationException oauth)
				? oauth.getError().getDescription() : null;
		String message = (description != null) ? description : exception.getMessage();
		return (message != null) ? message : "";
	}

}
