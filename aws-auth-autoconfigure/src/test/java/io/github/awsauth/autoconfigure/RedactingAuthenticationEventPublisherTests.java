package io.github.awsauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.UnverifiedCredential;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's failure events hold no credential; other authentications' events are Spring's.
 */
class RedactingAuthenticationEventPublisherTests {

	private final List<Object> events = new ArrayList<>();

	private final RedactingAuthenticationEventPublisher publisher = new RedactingAuthenticationEventPublisher(
			this.events::add);

	@Test
	void refusedBearerTokenIsPublishedWithoutTheToken() {
		String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
		this.publisher.publishAuthenticationFailure(new InvalidBearerTokenException("Invalid signature"),
				new BearerTokenAuthenticationToken(token));
		assertThat(this.events).singleElement().isInstanceOfSatisfying(AwsAuthenticationFailureEvent.class, (event) -> {
			assertThat(event.getMechanism()).isEqualTo(Mechanism.JWT);
			assertThat(event.getReason()).isEqualTo(AuthenticationFailureReason.BAD_SIGNATURE);
			assertThat(event.getAuthentication().getName()).doesNotContain(token);
			assertThat(String.valueOf(event.getAuthentication().getCredentials())).doesNotContain(token);
		});
	}

	@Test
	void requestMechanismFailuresAreLeftToTheirFilters() {
		this.publisher.publishAuthenticationFailure(new BadCredentialsException("no"),
				UnverifiedCredential.unread(Mechanism.API_KEY));
		assertThat(this.events).isEmpty();
	}

	@Test
	void otherAuthenticationsAreSpringsEvents() {
		this.publisher.publishAuthenticationFailure(new BadCredentialsException("no"),
				UsernamePasswordAuthenticationToken.unauthenticated("bob", "secret"));
		assertThat(this.events).singleElement().isInstanceOf(AuthenticationFailureBadCredentialsEvent.class);
	}

}
