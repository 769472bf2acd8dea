package io.github.awsauth.authz;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A decision of the starter's authorization that says which rule or decision point made it, and
 * whether a refusal was a denial (403) or a decision point that could not be asked (503).
 */
public final class SourcedDecision extends AuthorizationDecision {

	private static final long serialVersionUID = 1L;

	private static final Map<DecisionSource, SourcedDecision> ALLOWED = of(Outcome.ALLOW);

	private static final Map<DecisionSource, SourcedDecision> DENIED = of(Outcome.DENY);

	private static final Map<DecisionSource, SourcedDecision> UNAVAILABLE = of(Outcome.UNAVAILABLE);

	private final DecisionSource source;

	private final Outcome outcome;

	private SourcedDecision(DecisionSource source, Outcome outcome) {
		super(outcome == Outcome.ALLOW);
		this.source = source;
		this.outcome = outcome;
	}

	static SourcedDecision allowed(DecisionSource source) {
		return ALLOWED.get(source);
	}

	static SourcedDecision denied(DecisionSource source) {
		return DENIED.get(source);
	}

	static SourcedDecision unavailable(DecisionSource source) {
		return UNAVAILABLE.get(source);
	}

	/**
	 * What decided.
	 * @return the source
	 */
	public DecisionSource source() {
		return this.source;
	}

	/**
	 * What it decided.
	 * @return the outcome
	 */
	public Outcome outcome() {
		return this.outcome;
	}

	private static Map<DecisionSource, SourcedDecision> of(Outcome outcome) {
		Map<DecisionSource, SourcedDecision> decisions = new EnumMap<>(DecisionSource.class);
		for (DecisionSource source : DecisionSource.values()) {
			decisions.put(source, new SourcedDecision(source, outcome));
		}
		return decisions;
	}

	@Override
	public String toString() {
		return "SourcedDecision [source=" + this.source.tag() + ", outcome=" + this.outcome.tag() + "]";
	}

	/** What a decision was. */
	public enum Outcome {

		/** The request may go on. */
		ALLOW("allow"),

		/** It is refused with 403. */
		DENY("deny"),

		/** It is refused with 503: a decision point could not be asked. */
		UNAVAILABLE("unavailable");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		/**
		 * The name in metrics.
		 * @return the tag value
		 */
		public String tag() {
			return this.tag;
		}

	}

}
