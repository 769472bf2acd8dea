package io.github.awsauth.jwt;

/**
 * Which Cognito tokens an issuer accepts, by their {@code token_use} claim.
 */
public enum TokenUse {

	/** Access tokens only ({@code token_use=access}); the audience is checked on {@code client_id}. */
	ACCESS,

	/** Id tokens only ({@code token_use=id}); the audience is checked on {@code aud}. */
	ID,

	/** Access and id tokens. */
	ANY

}
