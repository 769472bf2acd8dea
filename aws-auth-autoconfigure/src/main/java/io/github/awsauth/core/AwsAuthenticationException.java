package io.github.awsauth.core;

import java.io.Serial;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A credential was rejected, or could not be judged. The message is shown to the caller: it says
 * which check failed and never contains the credential, a secret or how the server is built. The
 * {@linkplain #getReason() reason} groups the failure for metrics and logs.
 */
public class AwsAuthenticationException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final @Nullable Duration retryAfter;

	private final AuthenticationFailureReason reason;

	private AwsAuthenticationException(String message, HttpStatus status, AuthenticationFailureReason reason,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * The credential is invalid: 401, for a check without a more precise reason.
	 * @param message what check failed
	 * @return the exception
	 */
	public static AwsAuthenticationException invalid(String message) {
		return invalid(AuthenticationFailureReason.INVALID, message);
	}

	/**
	 * The credential is invalid: 401.
	 * @param reason why, for metrics and logs
	 * @param message what check failed
	 * @return the exception
	 */
	public static AwsAuthenticationException invalid(AuthenticationFailureReason reason, String message) {
		return new AwsAuthenticationException(message, HttpStatus.UNAUTHORIZED, reason, null, null);
	}

	/**
	 * The request is malformed beyond the credential: 400.
	 * @param message what is wrong
	 * @return the exception
	 */
	public static AwsAuthenticationException badRequest(String message) {
		return new AwsAuthenticationException(message, HttpStatus.BAD_REQUEST, AuthenticationFailureReason.MALFORMED,
				null, null);
	}

	/**
	 * The request can be read in more than one way: 400.
	 * @param message what is ambiguous
	 * @return the exception
	 */
	public static AwsAuthenticationException ambiguous(String message) {
		return new AwsAuthenticationException(message, HttpStatus.BAD_REQUEST, AuthenticationFailureReason.AMBIGUOUS,
				null, null);
	}

	/**
	 * The body that must be verified is larger than allowed: 413.
	 * @param message what limit was exceeded
	 * @return the exception
	 */
	public static AwsAuthenticationException tooLarge(String message) {
		return new AwsAuthenticationException(message, HttpStatus.CONTENT_TOO_LARGE,
				AuthenticationFailureReason.TOO_LARGE, null, null);
	}

	/**
	 * The credential is valid but its identity is not allowed: 403.
	 * @param message which identity is not allowed
	 * @return the exception
	 */
	public static AwsAuthenticationException forbidden(String message) {
		return new AwsAuthenticationException(message, HttpStatus.FORBIDDEN, AuthenticationFailureReason.NOT_ALLOWED,
				null, null);
	}

	/**
	 * The upstream that judges the credential (STS, a key server) is unavailable: 503.
	 * @param message which upstream
	 * @param retryAfter when to try again
	 * @param cause the failure
	 * @return the exception
	 */
	public static AwsAuthenticationException unavailable(String message, Duration retryAfter,
			@Nullable Throwable cause) {
		return new AwsAuthenticationException(message, HttpStatus.SERVICE_UNAVAILABLE,
				AuthenticationFailureReason.UPSTREAM_UNAVAILABLE, retryAfter, cause);
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

	/**
	 * Why the credential was refused.
	 * @return the reason
	 */
	public AuthenticationFailureReason getReason() {
		return this.reason;
	}

	/**
	 * When the caller may try again, for a 503.
	 * @return the delay, or {@code null}
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
