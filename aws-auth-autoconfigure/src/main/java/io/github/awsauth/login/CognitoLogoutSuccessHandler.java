package io.github.awsauth.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.awsauth.core.CognitoUserPool;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Ends the Cognito hosted-UI session after the local one: Cognito has no OIDC
 * {@code end_session_endpoint}, so the browser goes to the pool domain's
 * {@code /logout?client_id=…&logout_uri=…}, which clears Cognito's cookie and sends it back.
 */
public final class CognitoLogoutSuccessHandler implements LogoutSuccessHandler {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final String domain;

	private final String clientId;

	private final String logoutUri;

	/**
	 * Create a handler.
	 * @param domain the pool's hosted-UI domain, for example
	 * {@code https://myapp.auth.eu-west-1.amazoncognito.com}
	 * @param clientId the app client id
	 * @param logoutUri where Cognito sends the browser back to ({@code {baseUrl}} is replaced);
	 * must be one of the app client's sign-out URLs
	 */
	public CognitoLogoutSuccessHandler(String domain, String clientId, String logoutUri) {
		this.domain = domain.endsWith("/") ? domain.substring(0, domain.length() - 1) : domain;
		this.clientId = clientId;
		this.logoutUri = logoutUri;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		this.redirects.sendRedirect(request, response, logoutUrl(request));
	}

	String logoutUrl(HttpServletRequest request) {
		String back = this.logoutUri.replace("{baseUrl}", baseUrl(request));
		return UriComponentsBuilder.fromUriString(CognitoUserPool.logoutEndpoint(this.domain))
			.queryParam("client_id", this.clientId)
			.queryParam("logout_uri", back)
			.encode()
			.toUriString();
	}

	private static String baseUrl(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.fragment(null)
			.toUriString();
	}

}
