package io.github.awsauth.jwt;

/**
 * Names and values of the Cognito-specific claims.
 */
final class JwtClaims {

	static final String TOKEN_USE = "token_use";

	static final String CLIENT_ID = "client_id";

	static final String ACCESS = "access";

	static final String ID = "id";

	static final String USERNAME = "username";

	static final String COGNITO_USERNAME = "cognito:username";

	private JwtClaims() {
	}

}
