package io.github.awsauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.awsauth.jwt.JwtKeySets;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The trusted issuers' key sets: UP while every issuer's last fetch succeeded (or none was needed
 * yet, since keys are fetched with the first token), and when one failed UNKNOWN, which leaves the
 * application's health as it is, or DOWN with {@code aws.auth.health.down-when-unreachable}. The
 * details name each issuer with its key ids and the times of its last fetch and last attempt; never
 * a key. Reading it asks no key server: it reports what the last fetch found.
 */
final class JwtKeySetsHealthIndicator implements HealthIndicator {

	private final JwtKeySets keySets;

	private final boolean downWhenUnreachable;

	JwtKeySetsHealthIndicator(JwtKeySets keySets, boolean downWhenUnreachable) {
		this.keySets = keySets;
		this.downWhenUnreachable = downWhenUnreachable;
	}

	@Override
	public Health health() {
		boolean unreachable = false;
		Map<String, Object> issuers = new LinkedHashMap<>();
		for (JwtKeySets.Status status : this.keySets.statuses()) {
			unreachable |= status.lastAttemptFailed();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reachable", !status.lastAttemptFailed());
			details.put("keyIds", status.keyIds());
			details.put("lastFetch", (status.lastFetch() != null) ? status.lastFetch().toString() : "never");
			if (status.lastAttempt() != null) {
				details.put("lastAttempt", status.lastAttempt().toString());
			}
			issuers.put(status.issuer(), details);
		}
		return UpstreamsHealthIndicator.status(unreachable, this.downWhenUnreachable)
			.withDetail("issuers", issuers)
			.build();
	}

}
