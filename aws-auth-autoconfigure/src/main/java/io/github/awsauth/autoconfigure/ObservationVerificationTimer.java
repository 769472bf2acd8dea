package io.github.awsauth.autoconfigure;

import java.util.function.Supplier;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.VerificationTimer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Each verification as a Micrometer {@link Observation} named {@value MeterVerificationTimer#NAME}
 * with the low-cardinality key {@code mechanism}, with {@code aws.auth.observations.enabled}: a span
 * of its own where tracing is on, and, through Boot's meter handler, the same timer (with an
 * {@code error} tag). Off by default, since it costs more per request than a timer.
 */
final class ObservationVerificationTimer implements VerificationTimer {

	private final ObservationRegistry registry;

	ObservationVerificationTimer(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public <T> T time(Mechanism mechanism, Supplier<T> verification) {
		return Observation.createNotStarted(MeterVerificationTimer.NAME, this.registry)
			.contextualName("aws-auth " + mechanism.id() + " verification")
			.lowCardinalityKeyValue("mechanism", mechanism.id())
			.observe(verification);
	}

}
