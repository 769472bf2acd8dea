package io.github.awsauth.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link AwsAuthConfigurationException} at start-up: the property and what to change.
 */
class AwsAuthConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<AwsAuthConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AwsAuthConfigurationException cause) {
		return new FailureAnalysis("Invalid aws-auth configuration: " + cause.getMessage(), cause.getAction(), cause);
	}

}
