package io.github.awsauth.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Shortcut for one Cognito user pool ({@code aws.auth.cognito}): adds the pool as a trusted JWT
 * issuer and, with {@code domain} and {@code aws.auth.login.enabled}, as the browser sign-in
 * registration {@code cognito}, without typing its URLs.
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

	/**
	 * Secret of the app client, for browser sign-in with a confidential client. Without it the
	 * client is public and signs in with PKCE.
	 */
	private @Nullable String clientSecret;

	/**
	 * Hosted-UI domain of the user pool, for browser sign-in and sign-out, for example
	 * https://myapp.auth.eu-west-1.amazoncognito.com.
	 */
	private @Nullable String domain;

	/**
	 * Issuer of the user pool, only for Cognito emulators (LocalStack, cognito-local). Default:
	 * https://cognito-idp.{region}.amazonaws.com/{user-pool-id}.
	 */
	private @Nullable String issuerUri;

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

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public @Nullable String getIssuerUri() {
		return this.issuerUri;
	}

	public void setIssuerUri(@Nullable String issuerUri) {
		this.issuerUri = issuerUri;
	}

}
