package io.github.awsauth.login;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.awsauth.core.ClaimAuthorities;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Loads the signed-in user with Spring Security's {@link OidcUserService} and turns it into an
 * {@link OidcLoginPrincipal}: groups of the id token (Cognito's {@code cognito:groups}) and the
 * granted scopes become authorities exactly as for a bearer JWT, so the same
 * {@code @PreAuthorize} works for both.
 */
public final class AwsOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

	private final ClaimAuthorities authorities;

	private final @Nullable String principalClaim;

	/**
	 * Create a user service.
	 * @param authorities maps claims to authorities
	 * @param principalClaim the claim that names the user, or {@code null} for
	 * {@code cognito:username}, then {@code sub}
	 */
	public AwsOidcUserService(ClaimAuthorities authorities, @Nullable String principalClaim) {
		this(new OidcUserService(), authorities, principalClaim);
	}

	AwsOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate, ClaimAuthorities authorities,
			@Nullable String principalClaim) {
		this.delegate = delegate;
		this.authorities = authorities;
		this.principalClaim = principalClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		Map<String, Object> claims = new LinkedHashMap<>(user.getClaims());
		Set<String> scopes = new LinkedHashSet<>(request.getAccessToken().getScopes());
		Map<String, Object> grants = new LinkedHashMap<>(claims);
		grants.put("scope", List.copyOf(scopes));
		grants.remove("scp");
		List<GrantedAuthority> granted = this.authorities.authorities(grants);
		return new OidcLoginPrincipal(name(claims), claims, granted, user.getIdToken(), user.getUserInfo());
	}

	private String name(Map<String, Object> claims) {
		List<String> candidates = (this.principalClaim != null) ? List.of(this.principalClaim, "sub")
				: List.of("cognito:username", "sub");
		for (String claim : candidates) {
			if (claims.get(claim) instanceof String name && StringUtils.hasText(name)) {
				return name;
			}
		}
		throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", "Id token names no user", null));
	}

}
