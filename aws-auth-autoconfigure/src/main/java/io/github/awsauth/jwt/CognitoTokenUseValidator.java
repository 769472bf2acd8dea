package io.github.awsauth.jwt;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks a Cognito token's {@code token_use} claim: it must be {@code access} or {@code id}, and
 * one the issuer accepts.
 */
public final class CognitoTokenUseValidator implements OAuth2TokenValidator<Jwt> {

	private final TokenUse accepted;

	/**
	 * Create a validator.
	 * @param accepted the accepted token use
	 */
	public CognitoTokenUseValidator(TokenUse accepted) {
		this.accepted = accepted;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Object tokenUse = jwt.getClaims().get(JwtClaims.TOKEN_USE);
		boolean known = JwtClaims.ACCESS.equals(tokenUse) || JwtClaims.ID.equals(tokenUse);
		boolean accepted = switch (this.accepted) {
			case ANY -> known;
			case ACCESS -> JwtClaims.ACCESS.equals(tokenUse);
			case ID -> JwtClaims.ID.equals(tokenUse);
		};
		if (accepted) {
			return OAuth2TokenValidatorResult.success();
		}
		String description = known ? "Token use '" + tokenUse + "' is not accepted" : "Token has no valid token_use";
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
