package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.Caches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.core.VerificationTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;

/**
 * Spring Security's authentication events for every mechanism, and the metric made of them. The
 * request mechanisms and unreadable bearer tokens publish {@code AwsAuthenticationFailureEvent}s
 * themselves; Spring Security's authentication manager publishes successes and the failures of
 * bearer tokens and of the browser login through the publisher provided here, which publishes
 * those failures without the credential ({@link RedactingAuthenticationEventPublisher}). Boot's
 * audit support records all of them. With Micrometer, the events are counted, each verification
 * is timed, and the authorization decisions, the calls to upstreams and the reads of the shared
 * cache are counted.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationEventsConfiguration {

	@Bean
	@ConditionalOnMissingBean(AuthenticationEventPublisher.class)
	AuthenticationEventPublisher awsAuthenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new RedactingAuthenticationEventPublisher(publisher);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "awsAuthenticationMetrics")
		AuthenticationMetrics awsAuthenticationMetrics(ObjectProvider<MeterRegistry> registries) {
			return new AuthenticationMetrics(registries);
		}

		@Bean
		@ConditionalOnMissingBean(name = "awsUpstreamMetrics")
		UpstreamMetrics awsUpstreamMetrics(ObjectProvider<MeterRegistry> registries, Upstreams upstreams,
				ObjectProvider<SharedCache> shared, Caches caches) {
			return new UpstreamMetrics(registries, upstreams, shared, caches);
		}

		@Bean
		@ConditionalOnMissingBean
		CountingAuthorizationEventPublisher.DecisionCounter awsDecisionMetrics(ObjectProvider<MeterRegistry> registries) {
			MeterRegistry registry = registries.getIfUnique();
			return (registry != null) ? new DecisionMetrics(registry)
					: CountingAuthorizationEventPublisher.DecisionCounter.NONE;
		}

		@Bean
		@ConditionalOnMissingBean
		VerificationTimer awsVerificationTimer(AwsAuthProperties properties, ObjectProvider<MeterRegistry> registries,
				ObjectProvider<ObservationRegistry> observations) {
			ObservationRegistry observation = properties.getObservations().isEnabled() ? observations.getIfUnique()
					: null;
			if (observation != null) {
				return new ObservationVerificationTimer(observation);
			}
			MeterRegistry registry = registries.getIfUnique();
			return (registry != null) ? new MeterVerificationTimer(registry) : VerificationTimer.NONE;
		}

	}

}
