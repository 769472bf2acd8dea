package io.github.awsauth.core;

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The observation of one credential's verification, named {@value #NAME} with the low-cardinality
 * key {@code mechanism}: with Spring Boot's Micrometer support a timer per mechanism, and a span
 * where tracing is on.
 */
public final class VerificationObservation {

	/** The observation's name. */
	public static final String NAME = "aws.auth.verification";

	private VerificationObservation() {
	}

	/**
	 * Verify within the observation.
	 * @param <T> what the verification returns
	 * @param registry the registry, {@link ObservationRegistry#NOOP} for none
	 * @param mechanism the mechanism verifying
	 * @param verification the verification
	 * @return what it returned
	 */
	public static <T> T observe(ObservationRegistry registry, Mechanism mechanism, Supplier<T> verification) {
		return Observation.createNotStarted(NAME, registry)
			.lowCardinalityKeyValue("mechanism", mechanism.id())
			.observe(verification);
	}

}
