package io.github.awsauth.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Shortcut for one Cognito user pool ({@code aws.auth.cognito}): adds the pool as a trusted JWT
 * issuer without typing its URLs.
 */
public class CognitoProperties {

	/**
	 * AWS region of the user pool, for example eu-west-1. Default: the prefix of the user pool id.
	 */
	private @Nullable String region;

	/**
	 * Id of the user pool, for example eu-west-1_AbCdEfGhI. Setting it enables the shortcut.
	 */
	private @Nullable String userPoolId;

	/**
	 * Id of the app client whose tokens are accepted.
	 */
	private @Nullable String clientId;

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable String getUserPoolId() {
		return this.userPoolId;
	}

	public void setUserPoolId(@Nullable String userPoolId) {
		this.userPoolId = userPoolId;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

}
