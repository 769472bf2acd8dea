package io.github.awsauth.core;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The upstreams the configured mechanisms and decision points call, each with the record of its
 * calls: what the health support reports.
 */
public final class Upstreams {

	private final List<UpstreamHealth> upstreams = new CopyOnWriteArrayList<>();

	private final Clock clock;

	/**
	 * Create an empty registry.
	 * @param clock the clock calls are recorded with
	 */
	public Upstreams(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Register an upstream.
	 * @param name the name it is reported under, for example {@code sts}
	 * @param endpoint where it is, without credentials
	 * @return the record its client keeps
	 */
	public UpstreamHealth register(String name, String endpoint) {
		UpstreamHealth health = new UpstreamHealth(name, endpoint, this.clock);
		this.upstreams.add(health);
		return health;
	}

	/**
	 * The record of each upstream, in the order they were registered.
	 * @return the records
	 */
	public List<UpstreamHealth> list() {
		return List.copyOf(this.upstreams);
	}

	/**
	 * The state of each upstream, in the order they were registered.
	 * @return the states
	 */
	public List<UpstreamHealth.Status> statuses() {
		return this.upstreams.stream().map(UpstreamHealth::status).toList();
	}

}
