package io.github.awsauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.awsauth.core.UpstreamHealth;
import io.github.awsauth.core.Upstreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The upstreams the configured mechanisms and decision points call (STS, the ALB key endpoint,
 * EC2, OPA, Verified Permissions): UP while the last call of each reached it (or none was made
 * yet), and when one did not UNKNOWN, which leaves the application's health as it is, or DOWN with
 * {@code aws.auth.health.down-when-unreachable}. The details give each upstream's endpoint, the
 * times of its last call and of the last one that reached it, and why the last one failed. Reading
 * it calls no upstream.
 */
final class UpstreamsHealthIndicator implements HealthIndicator {

	private final Upstreams upstreams;

	private final boolean downWhenUnreachable;

	UpstreamsHealthIndicator(Upstreams upstreams, boolean downWhenUnreachable) {
		this.upstreams = upstreams;
		this.downWhenUnreachable = downWhenUnreachable;
	}

	@Override
	public Health health() {
		boolean unreachable = false;
		Map<String, Object> upstreams = new LinkedHashMap<>();
		for (UpstreamHealth.Status status : this.upstreams.statuses()) {
			unreachable |= status.lastFailure() != null;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("endpoint", status.endpoint());
			details.put("reachable", status.lastFailure() == null);
			details.put("lastReached", (status.lastReached() != null) ? status.lastReached().toString() : "never");
			if (status.lastAttempt() != null) {
				details.put("lastAttempt", status.lastAttempt().toString());
			}
			if (status.lastFailure() != null) {
				details.put("lastFailure", status.lastFailure());
			}
			upstreams.put(status.name(), details);
		}
		return status(unreachable, this.downWhenUnreachable).withDetail("upstreams", upstreams).build();
	}

	/**
	 * The status of the starter's contributors: UP when everything was reached, else UNKNOWN (the
	 * application's health is left as it is), or DOWN if an unreachable upstream should take it
	 * down.
	 */
	static Health.Builder status(boolean unreachable, boolean downWhenUnreachable) {
		if (!unreachable) {
			return Health.up();
		}
		return downWhenUnreachable ? Health.down() : Health.unknown();
	}

}
