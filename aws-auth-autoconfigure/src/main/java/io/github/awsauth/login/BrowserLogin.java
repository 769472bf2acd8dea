package io.github.awsauth.login;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CognitoIssuers;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The parts of browser sign-in that {@code AwsAuthConfigurer} installs with Spring Security's
 * {@code oauth2Login}: the user service that makes {@link OidcLoginPrincipal}s, the logout that
 * also ends the identity provider's session, the matcher that keeps API calls away from the login
 * redirect, and where a browser without a session is sent.
 */
public final class BrowserLogin {

	/** Registration id of the {@code aws.auth.cognito} shortcut's user pool. */
	public static final String COGNITO_REGISTRATION_ID = "cognito";

	private final AwsOidcUserService userService;

	private final IdpLogoutSuccessHandler logoutSuccessHandler;

	private final ApiRequestMatcher apiRequests;

	private final AuthenticationEntryPoint loginEntryPoint;

	/**
	 * Create the parts.
	 * @param registrations the client registrations; Cognito ones are recognised by their issuer
	 * @param properties the login properties
	 * @param authorities maps claims to authorities
	 */
	public BrowserLogin(ClientRegistrationRepository registrations, LoginProperties properties,
			ClaimAuthorities authorities) {
		List<ClientRegistration> all = new ArrayList<>();
		if (registrations instanceof Iterable<?> iterable) {
			iterable.forEach((registration) -> all.add((ClientRegistration) registration));
		}
		Map<String, CognitoLogoutSuccessHandler> cognito = new HashMap<>();
		for (ClientRegistration registration : all) {
			if (isCognito(registration)) {
				cognito.put(registration.getRegistrationId(), new CognitoLogoutSuccessHandler(hostedUiDomain(registration),
						registration.getClientId(), properties.getPostLogoutRedirectUri()));
			}
		}
		this.userService = new AwsOidcUserService(authorities, properties.getPrincipalClaim());
		this.logoutSuccessHandler = new IdpLogoutSuccessHandler(registrations, cognito,
				properties.getPostLogoutRedirectUri());
		this.apiRequests = new ApiRequestMatcher(properties.getApiPaths());
		this.loginEntryPoint = new LoginUrlAuthenticationEntryPoint(
				(all.size() == 1) ? "/oauth2/authorization/" + all.get(0).getRegistrationId() : "/login");
	}

	/**
	 * Whether a registration signs users in with a Cognito user pool: the shortcut's, or one whose
	 * issuer is a Cognito user pool.
	 * @param registration the registration
	 * @return whether it is a Cognito user pool
	 */
	public static boolean isCognito(ClientRegistration registration) {
		if (COGNITO_REGISTRATION_ID.equals(registration.getRegistrationId())) {
			return true;
		}
		return CognitoIssuers.isUserPool(registration.getProviderDetails().getIssuerUri());
	}

	/** The hosted-UI domain: the authorization endpoint without Cognito's {@code /oauth2/authorize}. */
	private static String hostedUiDomain(ClientRegistration registration) {
		String authorize = registration.getProviderDetails().getAuthorizationUri();
		String path = "/oauth2/authorize";
		if (authorize.endsWith(path)) {
			return authorize.substring(0, authorize.length() - path.length());
		}
		URI uri = URI.create(authorize);
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
		return this.userService;
	}

	public LogoutSuccessHandler logoutSuccessHandler() {
		return this.logoutSuccessHandler;
	}

	public RequestMatcher apiRequests() {
		return this.apiRequests;
	}

	public AuthenticationEntryPoint loginEntryPoint() {
		return this.loginEntryPoint;
	}

}
