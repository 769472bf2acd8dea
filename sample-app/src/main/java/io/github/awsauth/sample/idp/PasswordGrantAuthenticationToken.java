package io.github.awsauth.sample.idp;

import java.io.Serial;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/**
 * A demo password grant request: the client, the user's name and password, the scopes asked for.
 */
final class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;

	private final String password;

	private final Set<String> scopes;

	PasswordGrantAuthenticationToken(Authentication client, String username, String password, Set<String> scopes) {
		super(DemoDirectory.PASSWORD, client, Map.of());
		this.username = username;
		this.password = password;
		this.scopes = Set.copyOf(scopes);
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	Set<String> scopes() {
		return this.scopes;
	}

}
