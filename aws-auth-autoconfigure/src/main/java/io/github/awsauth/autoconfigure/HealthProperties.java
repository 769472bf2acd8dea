package io.github.awsauth.autoconfigure;

/**
 * The health the starter reports of the upstreams it depends on ({@code aws.auth.health}).
 */
public class HealthProperties {

	/**
	 * Whether an upstream whose last fetch failed (an issuer's key set) reports DOWN, which takes
	 * the application's health down with it. When false, it reports UNKNOWN with the failure in
	 * its details, and keys already fetched keep working.
	 */
	private boolean downWhenUnreachable = false;

	public boolean isDownWhenUnreachable() {
		return this.downWhenUnreachable;
	}

	public void setDownWhenUnreachable(boolean downWhenUnreachable) {
		this.downWhenUnreachable = downWhenUnreachable;
	}

}
