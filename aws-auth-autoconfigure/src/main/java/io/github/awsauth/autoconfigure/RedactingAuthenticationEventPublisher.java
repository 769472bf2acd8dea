package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.UnverifiedCredential;
import io.github.awsauth.jwt.JwtFailureReasons;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Spring's {@link DefaultAuthenticationEventPublisher}, except for the failures of the starter's
 * mechanisms, which are published as {@link AwsAuthenticationFailureEvent}s without the credential.
 * Spring's events for them would name it: a refused bearer token's event is made of a
 * {@link BearerTokenAuthenticationToken}, whose name is the token, and Boot's audit support records
 * that name as the principal. A failed browser sign-in, which Spring does not publish at all, is
 * published too. The failures of the request mechanisms are published by their filters, so they
 * are not published again here.
 */
final class RedactingAuthenticationEventPublisher implements AuthenticationEventPublisher {

	private final ApplicationEventPublisher events;

	private final DefaultAuthenticationEventPublisher delegate;

	RedactingAuthenticationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
		this.delegate = new DefaultAuthenticationEventPublisher(events);
	}

	@Override
	public void publishAuthenticationSuccess(Authentication authentication) {
		this.delegate.publishAuthenticationSuccess(authentication);
	}

	@Override
	public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
		if (authentication instanceof UnverifiedCredential) {
			return;
		}
		if (authentication instanceof BearerTokenAuthenticationToken) {
			publish(Mechanism.JWT, JwtFailureReasons.of(exception), exception);
		}
		else if (authentication instanceof OAuth2LoginAuthenticationToken
				|| authentication instanceof OAuth2AuthorizationCodeAuthenticationToken) {
			publish(Mechanism.LOGIN, AuthenticationFailureReason.of(exception), exception);
		}
		else {
			this.delegate.publishAuthenticationFailure(exception, authentication);
		}
	}

	private void publish(Mechanism mechanism, AuthenticationFailureReason reason, AuthenticationException exception) {
		this.events.publishEvent(new AwsAuthenticationFailureEvent(UnverifiedCredential.unread(mechanism), exception,
				mechanism, reason));
	}

}
