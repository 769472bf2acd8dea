package io.github.awsauth.core;

import java.io.Serial;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A credential of one of the starter's mechanisms was refused, or could not be read: Spring
 * Security's failure event, so that Spring Boot's audit support records it, with the mechanism and
 * the reason. It never carries the credential.
 */
public class AwsAuthenticationFailureEvent extends AbstractAuthenticationFailureEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Mechanism mechanism;

	private final AuthenticationFailureReason reason;

	/**
	 * Create an event.
	 * @param authentication what was being authenticated, without the credential
	 * @param exception the failure
	 * @param mechanism the mechanism whose credential it was
	 * @param reason why it was refused
	 */
	public AwsAuthenticationFailureEvent(Authentication authentication, AuthenticationException exception,
			Mechanism mechanism, AuthenticationFailureReason reason) {
		super(authentication, exception);
		this.mechanism = mechanism;
		this.reason = reason;
	}

	/**
	 * The mechanism whose credential was refused.
	 * @return the mechanism
	 */
	public Mechanism getMechanism() {
		return this.mechanism;
	}

	/**
	 * Why it was refused.
	 * @return the reason
	 */
	public AuthenticationFailureReason getReason() {
		return this.reason;
	}

}
