package io.github.awsauth.core;

import java.util.function.Supplier;

/**
 * Times each credential's verification, by mechanism: with Micrometer, the timer
 * {@code aws.auth.verification} tagged {@code mechanism} (the auto-configuration provides it when
 * the application has a {@code MeterRegistry}). A plain timer rather than an observation: Spring
 * Security already observes each authentication ({@code spring.security.authentications}), which
 * is the span where tracing is on, and a second observation per request cost more than the
 * verification it timed; {@code aws.auth.observations.enabled} makes each verification an
 * observation of its own.
 */
@FunctionalInterface
public interface VerificationTimer {

	/** Times nothing. */
	VerificationTimer NONE = new VerificationTimer() {

		@Override
		public <T> T time(Mechanism mechanism, Supplier<T> verification) {
			return verification.get();
		}

	};

	/**
	 * Verify, timed.
	 * @param <T> what the verification returns
	 * @param mechanism the mechanism verifying
	 * @param verification the verification
	 * @return what it returned
	 */
	<T> T time(Mechanism mechanism, Supplier<T> verification);

}
