package io.github.awsauth.autoconfigure;

import java.util.function.Supplier;

import io.github.awsauth.authz.DecisionSource;
import io.github.awsauth.authz.SourcedDecision;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodInvocationResult;
import org.springframework.security.core.Authentication;

/**
 * Spring Security's authorization events, as {@code SpringAuthorizationEventPublisher} publishes
 * them (denials, which Boot's audit support records as {@code AUTHORIZATION_FAILURE}), each decision
 * counted by its source and outcome. The request filter and method security both publish through
 * the {@code AuthorizationEventPublisher} bean.
 */
final class CountingAuthorizationEventPublisher implements AuthorizationEventPublisher {

	private final AuthorizationEventPublisher delegate;

	private final DecisionCounter counter;

	CountingAuthorizationEventPublisher(AuthorizationEventPublisher delegate, DecisionCounter counter) {
		this.delegate = delegate;
		this.counter = counter;
	}

	@Override
	public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
			@Nullable AuthorizationResult result) {
		this.counter.count(source(object, result), outcome(result));
		this.delegate.publishAuthorizationEvent(authentication, object, result);
	}

	private static DecisionSource source(Object object, @Nullable AuthorizationResult result) {
		if (object instanceof MethodInvocation || object instanceof MethodInvocationResult) {
			return DecisionSource.METHOD;
		}
		return (result instanceof SourcedDecision sourced) ? sourced.source() : DecisionSource.ROUTE;
	}

	private static SourcedDecision.Outcome outcome(@Nullable AuthorizationResult result) {
		if (result instanceof SourcedDecision sourced) {
			return sourced.outcome();
		}
		return (result != null && result.isGranted()) ? SourcedDecision.Outcome.ALLOW : SourcedDecision.Outcome.DENY;
	}

	/** Where decisions are counted. */
	@FunctionalInterface
	interface DecisionCounter {

		/** Nothing counted: no Micrometer. */
		DecisionCounter NONE = (source, outcome) -> {
		};

		void count(DecisionSource source, SourcedDecision.Outcome outcome);

	}

}
