package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Counts authentications of the starter's mechanisms from Spring Security's events: the counter
 * {@value #NAME} tagged {@code mechanism}, {@code outcome} ({@code success}, {@code failure}) and
 * {@code reason} ({@code none} for a success, else the tag of the event's reason). Events of
 * other authentications (an application's form login) are not counted.
 */
final class AuthenticationMetrics implements ApplicationListener<AbstractAuthenticationEvent> {

	static final String NAME = "aws.auth.authentications";

	private final ObjectProvider<MeterRegistry> registries;

	private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

	AuthenticationMetrics(ObjectProvider<MeterRegistry> registries) {
		this.registries = registries;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		if (event instanceof AuthenticationSuccessEvent success
				&& success.getAuthentication().getPrincipal() instanceof AwsPrincipal principal) {
			count(principal.mechanism(), "success", "none");
		}
		else if (event instanceof AwsAuthenticationFailureEvent failure) {
			count(failure.getMechanism(), "failure", failure.getReason().tag());
		}
	}

	/** Counters are kept, since building one from its tags on every request costs a registry look-up. */
	private void count(Mechanism mechanism, String outcome, String reason) {
		List<String> key = List.of(mechanism.id(), outcome, reason);
		Counter counter = this.counters.get(key);
		if (counter == null) {
			MeterRegistry registry = this.registries.getIfUnique();
			if (registry == null) {
				return;
			}
			counter = this.counters.computeIfAbsent(key, (tags) -> Counter.builder(NAME)
						.description("Authentications by the starter's mechanisms")
						.tag("mechanism", tags.get(0))
						.tag("outcome", tags.get(1))
						.tag("reason", tags.get(2))
						.register(registry));
		}
		counter.increment();
	}

}
