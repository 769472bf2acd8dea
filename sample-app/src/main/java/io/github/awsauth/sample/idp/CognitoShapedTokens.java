package io.github.awsauth.sample.idp;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes the tokens like a Cognito user pool's: {@code token_use}, {@code client_id}, a
 * space-delimited {@code scope}, {@code username} (access tokens) or {@code cognito:username} (id
 * tokens), and the user's groups in {@code cognito:groups}.
 */
final class CognitoShapedTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		boolean user = !(principal instanceof OAuth2ClientAuthenticationToken);
		var claims = context.getClaims();
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			claims.claim("token_use", "access");
			claims.claim("client_id", context.getRegisteredClient().getClientId());
			claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
			if (user) {
				claims.claim("username", principal.getName());
			}
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			claims.claim("token_use", "id");
			claims.claim("cognito:username", principal.getName());
		}
		List<String> groups = user ? groups(principal) : List.of();
		if (!groups.isEmpty()) {
			claims.claim("cognito:groups", groups);
		}
	}

	private static List<String> groups(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
	}

}
