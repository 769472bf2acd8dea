package io.github.awsauth.autoconfigure;

/**
 * Micrometer observations of the starter ({@code aws.auth.observations}).
 */
public class ObservationsProperties {

	/**
	 * Whether each credential's verification is a Micrometer observation (a span of its own when
	 * tracing is on) instead of a plain timer. Spring Security's observation of each
	 * authentication is a span either way; this one costs more per request than the timer.
	 */
	private boolean enabled = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
