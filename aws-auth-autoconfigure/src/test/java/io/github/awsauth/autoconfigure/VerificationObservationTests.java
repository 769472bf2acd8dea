package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.VerificationTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verification is a plain timer by default and an observation of its own with
 * {@code aws.auth.observations.enabled}.
 */
class VerificationObservationTests {

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(ObservationRegistry.class, () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public void onStop(Observation.Context context) {
					VerificationObservationTests.this.observed.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			});
			return registry;
		});

	@Test
	void aTimerByDefault() {
		this.runner.run((context) -> {
			VerificationTimer timer = context.getBean(VerificationTimer.class);
			assertThat(timer.time(Mechanism.API_KEY, () -> "verified")).isEqualTo("verified");
			assertThat(this.observed).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).get("aws.auth.verification").tag("mechanism", "api-key")
				.timer().count()).isEqualTo(1);
		});
	}

	@Test
	void anObservationWhenEnabled() {
		this.runner.withPropertyValues("aws.auth.observations.enabled=true").run((context) -> {
			VerificationTimer timer = context.getBean(VerificationTimer.class);
			assertThat(timer.time(Mechanism.IAM, () -> "verified")).isEqualTo("verified");
			assertThat(this.observed).singleElement().satisfies((observation) -> {
				assertThat(observation.getName()).isEqualTo("aws.auth.verification");
				assertThat(observation.getLowCardinalityKeyValue("mechanism").getValue()).isEqualTo("iam");
			});
		});
	}

}
