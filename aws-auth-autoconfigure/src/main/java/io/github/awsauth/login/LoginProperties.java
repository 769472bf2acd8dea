package io.github.awsauth.login;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Browser sign-in with OIDC authorization-code login ({@code aws.auth.login}).
 */
public class LoginProperties {

	/**
	 * Whether browsers sign in with oauth2Login, with the registrations of
	 * spring.security.oauth2.client or the aws.auth.cognito shortcut.
	 */
	private boolean enabled;

	/**
	 * Path patterns of the API: a request there without a valid session or credential is answered
	 * 401, never redirected to the login page. Requests that carry an Authorization header or ask
	 * for JSON are treated the same way wherever they go.
	 */
	private List<String> apiPaths = new ArrayList<>(List.of("/api/**"));

	/**
	 * Where the identity provider sends the browser after sign-out; {baseUrl} is this application's
	 * base URL.
	 */
	private String postLogoutRedirectUri = "{baseUrl}/";

	/**
	 * Claim of the id token that names the principal. Default: "cognito:username" when present,
	 * else "sub".
	 */
	private @Nullable String principalClaim;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getApiPaths() {
		return this.apiPaths;
	}

	public void setApiPaths(List<String> apiPaths) {
		this.apiPaths = apiPaths;
	}

	public String getPostLogoutRedirectUri() {
		return this.postLogoutRedirectUri;
	}

	public void setPostLogoutRedirectUri(String postLogoutRedirectUri) {
		this.postLogoutRedirectUri = postLogoutRedirectUri;
	}

	public @Nullable String getPrincipalClaim() {
		return this.principalClaim;
	}

	public void setPrincipalClaim(@Nullable String principalClaim) {
		this.principalClaim = principalClaim;
	}

}
