package io.github.awsauth.autoconfigure;

import java.time.Duration;

/**
 * A property of {@code aws.auth} has a value the starter cannot work with. Reported at start-up
 * by {@link AwsAuthConfigurationFailureAnalyzer}, naming the property and what to change.
 */
public class AwsAuthConfigurationException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the full name of the property, for example
	 * {@code aws.auth.jwt.issuers[0].issuer-uri}
	 * @param problem what is wrong with its value
	 * @param action what to change
	 */
	public AwsAuthConfigurationException(String property, String problem, String action) {
		super(property + ": " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * A duration property's value, refused when negative.
	 * @param value the value
	 * @param property the full name of the property
	 * @return the value
	 * @throws AwsAuthConfigurationException if it is negative
	 */
	static Duration notNegative(Duration value, String property) {
		if (value.isNegative()) {
			throw new AwsAuthConfigurationException(property, "it is negative",
					"Set " + property + " to 0 or a positive duration.");
		}
		return value;
	}

	/**
	 * The full name of the property to fix.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
