package io.github.awsauth.autoconfigure;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.VerificationTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code aws.auth.verification} timer, one per mechanism, made once.
 */
final class MeterVerificationTimer implements VerificationTimer {

	static final String NAME = "aws.auth.verification";

	private final Map<Mechanism, Timer> timers = new EnumMap<>(Mechanism.class);

	MeterVerificationTimer(MeterRegistry registry) {
		for (Mechanism mechanism : Mechanism.values()) {
			this.timers.put(mechanism, Timer.builder(NAME)
				.description("Verification of a credential by the starter's mechanisms, cached or not")
				.tag("mechanism", mechanism.id())
				.register(registry));
		}
	}

	@Override
	public <T> T time(Mechanism mechanism, Supplier<T> verification) {
		return this.timers.get(mechanism).record(verification);
	}

}
