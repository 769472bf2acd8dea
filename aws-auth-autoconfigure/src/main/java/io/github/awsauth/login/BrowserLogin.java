package io.github.awsauth.login;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsAuthHandlers;
import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.core.Mechanism;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Browser sign-in in the chain, with Spring Security's {@code oauth2Login}: the user service that
 * makes {@link OidcLoginPrincipal}s, the logout that also ends the identity provider's session
 * (unless the application set its own), a request cache that remembers page loads only, and the
 * entry points: API calls without a session get the starter's 401, pages are sent to sign-in.
 */
public final class BrowserLogin implements AwsAuthSecurityContribution {

	/** After bearer JWTs, before the ALB's logout. */
	private static final int ORDER = 100;

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
				cognito.put(registration.getRegistrationId(), new CognitoLogoutSuccessHandler(
						CognitoUserPool.hostedUiDomain(registration.getProviderDetails().getAuthorizationUri()),
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
		return CognitoUserPool.isIssuer(registration.getProviderDetails().getIssuerUri());
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.LOGIN;
	}

	@Override
	public void init(HttpSecurity http, AwsAuthHandlers handlers) {
		http.oauth2Login((oauth2) -> oauth2.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(this.userService)));
		RequestCache requestCache = http.getSharedObject(RequestCache.class);
		if (requestCache == null || requestCache.getClass() == HttpSessionRequestCache.class) {
			// only page loads are remembered for after sign-in (as Spring's default: GET, no
			// favicon), and no API call, so an API call without a session creates none
			PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
			HttpSessionRequestCache pages = new HttpSessionRequestCache();
			pages.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
					new NegatedRequestMatcher(paths.matcher("/favicon.*")),
					new NegatedRequestMatcher(paths.matcher("/error")), new NegatedRequestMatcher(this.apiRequests)));
			http.setSharedObject(RequestCache.class, pages);
		}
		http.logout((logout) -> logout.defaultLogoutSuccessHandlerFor(this.logoutSuccessHandler,
				AnyRequestMatcher.INSTANCE));
		// API calls without a session get the starter's 401, pages go to sign-in
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(handlers.authenticationEntryPoint(), this.apiRequests)
			.defaultAuthenticationEntryPointFor(this.loginEntryPoint, AnyRequestMatcher.INSTANCE));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
