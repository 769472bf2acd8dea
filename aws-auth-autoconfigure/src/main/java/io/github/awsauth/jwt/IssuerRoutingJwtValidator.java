package io.github.awsauth.jwt;

import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Runs the checks of the issuer that signed the token.
 */
final class IssuerRoutingJwtValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error UNTRUSTED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"Token issuer is not trusted", null);

	private final Map<String, OAuth2TokenValidator<Jwt>> validators;

	IssuerRoutingJwtValidator(Map<String, OAuth2TokenValidator<Jwt>> validators) {
		this.validators = Map.copyOf(validators);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		Object issuer = jwt.getClaims().get("iss");
		OAuth2TokenValidator<Jwt> validator = (issuer instanceof String name) ? this.validators.get(name) : null;
		return (validator != null) ? validator.validate(jwt) : OAuth2TokenValidatorResult.failure(UNTRUSTED);
	}

}
