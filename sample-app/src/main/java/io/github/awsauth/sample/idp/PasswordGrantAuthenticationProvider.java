package io.github.awsauth.sample.idp;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * DEMO ONLY: issues a user's access token for their name and password, the way Cognito's
 * {@code USER_PASSWORD_AUTH} does, so the README can show the flow with curl. Real applications
 * sign users in through the browser (authorization code) instead.
 */
final class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationManager users;

	private final OAuth2AuthorizationService authorizations;

	private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

	PasswordGrantAuthenticationProvider(AuthenticationManager users, OAuth2AuthorizationService authorizations,
			OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
		this.users = users;
		this.authorizations = authorizations;
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) authentication;
		if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
				|| client.getRegisteredClient() == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		RegisteredClient registeredClient = client.getRegisteredClient();
		if (!registeredClient.getAuthorizationGrantTypes().contains(DemoDirectory.PASSWORD)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
		}
		Authentication user;
		try {
			user = this.users
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(grant.username(), grant.password()));
		}
		catch (AuthenticationException ex) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
		Set<String> scopes = new LinkedHashSet<>(grant.scopes().isEmpty() ? registeredClient.getScopes() : grant.scopes());
		if (!registeredClient.getScopes().containsAll(scopes)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
		}
		OAuth2Token generated = this.tokens.generate(DefaultOAuth2TokenContext.builder()
			.registeredClient(registeredClient)
			.principal(user)
			.authorizationServerContext(AuthorizationServerContextHolder.getContext())
			.authorizedScopes(scopes)
			.tokenType(OAuth2TokenType.ACCESS_TOKEN)
			.authorizationGrantType(DemoDirectory.PASSWORD)
			.authorizationGrant(grant)
			.build());
		if (generated == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
		}
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
		OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(registeredClient)
			.principalName(user.getName())
			.authorizationGrantType(DemoDirectory.PASSWORD)
			.authorizedScopes(scopes)
			.attribute(Principal.class.getName(), user);
		if (generated instanceof ClaimAccessor claims) {
			authorization.token(accessToken,
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
		}
		else {
			authorization.accessToken(accessToken);
		}
		this.authorizations.save(authorization.build());
		return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
