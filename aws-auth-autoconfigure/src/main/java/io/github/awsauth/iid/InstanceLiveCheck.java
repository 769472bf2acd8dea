package io.github.awsauth.iid;

/**
 * Tells whether an instance exists and is running now: an identity document never expires, so
 * this is what ends the use of one whose instance is gone.
 */
@FunctionalInterface
public interface InstanceLiveCheck {

	/**
	 * Whether the instance is running.
	 * @param document the verified document
	 * @return whether it runs
	 * @throws io.github.awsauth.core.AwsAuthenticationException (503) when it cannot be told
	 */
	boolean isRunning(VerifiedDocument document);

}
