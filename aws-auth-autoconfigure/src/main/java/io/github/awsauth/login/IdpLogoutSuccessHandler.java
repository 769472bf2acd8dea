package io.github.awsauth.login;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After the local session ended, ends the session at the identity provider the user signed in
 * with: Cognito's {@code /logout} for Cognito registrations, RP-initiated logout at the
 * {@code end_session_endpoint} for other OIDC providers that publish one, else back to the
 * post-logout page.
 */
public final class IdpLogoutSuccessHandler implements LogoutSuccessHandler {

	private final Map<String, CognitoLogoutSuccessHandler> cognito;

	private final OidcClientInitiatedLogoutSuccessHandler oidc;

	/**
	 * Create a handler.
	 * @param registrations the client registrations
	 * @param cognito the Cognito logout of each Cognito registration, by registration id
	 * @param postLogoutRedirectUri where the provider sends the browser back to
	 */
	public IdpLogoutSuccessHandler(ClientRegistrationRepository registrations,
			Map<String, CognitoLogoutSuccessHandler> cognito, String postLogoutRedirectUri) {
		this.cognito = Map.copyOf(cognito);
		this.oidc = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		this.oidc.setPostLogoutRedirectUri(postLogoutRedirectUri);
		this.oidc.setDefaultTargetUrl(postLogoutRedirectUri.replace("{baseUrl}", ""));
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		CognitoLogoutSuccessHandler cognitoLogout = (authentication instanceof OAuth2AuthenticationToken token)
				? this.cognito.get(token.getAuthorizedClientRegistrationId()) : null;
		if (cognitoLogout != null) {
			cognitoLogout.onLogoutSuccess(request, response, authentication);
			return;
		}
		this.oidc.onLogoutSuccess(request, response, authentication);
	}

}
