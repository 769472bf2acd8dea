package io.github.awsauth.autoconfigure;

import java.util.EnumMap;
import java.util.Map;

import io.github.awsauth.authz.DecisionSource;
import io.github.awsauth.authz.SourcedDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counter {@value #NAME} of authorization decisions, tagged {@code source} ({@code route},
 * {@code method}, {@code policy}, {@code opa}, {@code verified-permissions}) and {@code outcome}
 * ({@code allow}, {@code deny}, {@code unavailable}); every counter is made once, up front.
 */
final class DecisionMetrics implements CountingAuthorizationEventPublisher.DecisionCounter {

	static final String NAME = "aws.auth.authorizations";

	private final Map<DecisionSource, Map<SourcedDecision.Outcome, Counter>> counters = new EnumMap<>(
			DecisionSource.class);

	DecisionMetrics(MeterRegistry registry) {
		for (DecisionSource source : DecisionSource.values()) {
			Map<SourcedDecision.Outcome, Counter> outcomes = new EnumMap<>(SourcedDecision.Outcome.class);
			for (SourcedDecision.Outcome outcome : SourcedDecision.Outcome.values()) {
				outcomes.put(outcome, Counter.builder(NAME)
					.description("Authorization decisions, by what decided")
					.tag("source", source.tag())
					.tag("outcome", outcome.tag())
					.register(registry));
			}
			this.counters.put(source, outcomes);
		}
	}

	@Override
	public void count(DecisionSource source, SourcedDecision.Outcome outcome) {
		this.counters.get(source).get(outcome).increment();
	}

}
