package io.github.awsauth.jwt;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks that a token was issued to one of the accepted audiences. Cognito access tokens carry no
 * {@code aud}: their {@code client_id} is checked instead. Every other token (Cognito id tokens,
 * other issuers) must list an accepted audience in {@code aud}.
 */
public final class AudienceValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error WRONG_AUDIENCE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"Token was issued to another audience", null);

	private final Set<String> audiences;

	private final boolean cognito;

	/**
	 * Create a validator.
	 * @param audiences the accepted audiences
	 * @param cognito whether the issuer is a Cognito user pool
	 */
	public AudienceValidator(Set<String> audiences, boolean cognito) {
		this.audiences = Set.copyOf(audiences);
		this.cognito = cognito;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		boolean accepted;
		if (this.cognito && JwtClaims.ACCESS.equals(jwt.getClaims().get(JwtClaims.TOKEN_USE))) {
			accepted = jwt.getClaims().get(JwtClaims.CLIENT_ID) instanceof String clientId
					&& this.audiences.contains(clientId);
		}
		else {
			List<String> aud = jwt.getAudience();
			accepted = aud != null && aud.stream().anyMatch(this.audiences::contains);
		}
		return accepted ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(WRONG_AUDIENCE);
	}

}
