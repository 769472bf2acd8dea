package io.github.awsauth.core;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The facts of a Cognito user pool that the starter relies on, in one place: what a pool id looks
 * like, its issuer and key set, and the endpoints of its hosted UI (managed login) domain.
 *
 * @param region the pool's region, for example {@code eu-west-1}
 * @param userPoolId the pool's id, for example {@code eu-west-1_AbCdEfGhI}
 */
public record CognitoUserPool(String region, String userPoolId) {

	private static final Pattern USER_POOL_ID = Pattern.compile("([a-z]{2}(?:-gov)?-[a-z]+-\\d)_[A-Za-z0-9]+");

	private static final Pattern ISSUER_HOST = Pattern.compile("cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

	private static final String AUTHORIZE = "/oauth2/authorize";

	/**
	 * The pool of an id.
	 * @param userPoolId a user pool id
	 * @return the pool, or {@code null} when the id is not a user pool id
	 */
	public static @Nullable CognitoUserPool ofId(@Nullable String userPoolId) {
		if (userPoolId == null) {
			return null;
		}
		Matcher matcher = USER_POOL_ID.matcher(userPoolId);
		return matcher.matches() ? new CognitoUserPool(matcher.group(1), userPoolId) : null;
	}

	/**
	 * The pool of a Cognito issuer ({@code https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC}):
	 * a host of Cognito's and a pool id as the last path segment.
	 * @param issuer an issuer URI, or {@code null}
	 * @return the pool, or {@code null} when the issuer is not a user pool's
	 */
	public static @Nullable CognitoUserPool ofIssuer(@Nullable String issuer) {
		if (!isIssuer(issuer)) {
			return null;
		}
		return ofId(issuer.substring(issuer.lastIndexOf('/') + 1));
	}

	/**
	 * Whether an issuer is a Cognito user pool's: its host is
	 * {@code cognito-idp.<region>.amazonaws.com} (or {@code .amazonaws.com.cn}).
	 * @param issuer an issuer URI, or {@code null}
	 * @return whether it is a user pool's
	 */
	public static boolean isIssuer(@Nullable String issuer) {
		if (issuer == null) {
			return false;
		}
		try {
			String host = URI.create(issuer).getHost();
			return host != null && ISSUER_HOST.matcher(host).matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The key set of a pool's issuer: {@code {issuer}/.well-known/jwks.json}.
	 * @param issuer the pool's issuer
	 * @return the key set's URI
	 */
	public static URI jwkSetUri(String issuer) {
		return URI.create(issuer + "/.well-known/jwks.json");
	}

	/**
	 * The hosted-UI domain of a registration: its authorization endpoint without
	 * {@code /oauth2/authorize}.
	 * @param authorizationUri the authorization endpoint
	 * @return the domain, for example {@code https://myapp.auth.eu-west-1.amazoncognito.com}
	 */
	public static String hostedUiDomain(String authorizationUri) {
		if (authorizationUri.endsWith(AUTHORIZE)) {
			return authorizationUri.substring(0, authorizationUri.length() - AUTHORIZE.length());
		}
		URI uri = URI.create(authorizationUri);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	/**
	 * The hosted UI's authorization endpoint.
	 * @param domain the hosted-UI domain, without a trailing slash
	 * @return the endpoint
	 */
	public static String authorizationEndpoint(String domain) {
		return domain + AUTHORIZE;
	}

	/**
	 * The hosted UI's token endpoint.
	 * @param domain the hosted-UI domain, without a trailing slash
	 * @return the endpoint
	 */
	public static String tokenEndpoint(String domain) {
		return domain + "/oauth2/token";
	}

	/**
	 * The hosted UI's user-info endpoint.
	 * @param domain the hosted-UI domain, without a trailing slash
	 * @return the endpoint
	 */
	public static String userInfoEndpoint(String domain) {
		return domain + "/oauth2/userInfo";
	}

	/**
	 * The hosted UI's logout endpoint, which takes {@code client_id} and {@code logout_uri}.
	 * @param domain the hosted-UI domain, without a trailing slash
	 * @return the endpoint
	 */
	public static String logoutEndpoint(String domain) {
		return domain + "/logout";
	}

	/**
	 * The pool's issuer, {@code https://cognito-idp.{region}.amazonaws.com/{pool}} (or
	 * {@code .amazonaws.com.cn} in the China regions).
	 * @return the issuer
	 */
	public String issuer() {
		String suffix = this.region.startsWith("cn-") ? ".amazonaws.com.cn/" : ".amazonaws.com/";
		return "https://cognito-idp." + this.region + suffix + this.userPoolId;
	}

}
