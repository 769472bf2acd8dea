package io.github.awsauth.login;

import java.io.Serial;
import java.util.Collection;
import java.util.Map;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through the browser: an {@link AwsPrincipal} with mechanism {@code login}
 * that is also Spring Security's {@link OidcUser}, so that oauth2Login, RP-initiated logout and
 * {@code @AuthenticationPrincipal OidcUser} keep working.
 */
public final class OidcLoginPrincipal extends AwsPrincipal implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private final @Nullable OidcUserInfo userInfo;

	/**
	 * Create a principal.
	 * @param name the user's name
	 * @param claims the verified claims of the id token and the user info
	 * @param authorities the user's authorities
	 * @param idToken the id token
	 * @param userInfo the user info, or {@code null}
	 */
	public OidcLoginPrincipal(String name, Map<String, Object> claims, Collection<? extends GrantedAuthority> authorities,
			OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
		super(name, Mechanism.LOGIN, claims, authorities);
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		return attributes();
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return this.userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return attributes();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities();
	}

}
