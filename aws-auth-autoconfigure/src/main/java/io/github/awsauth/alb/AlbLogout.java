package io.github.awsauth.alb;

import java.io.IOException;

import io.github.awsauth.core.AwsAuthHandlers;
import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.Mechanism;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Signs a user out of the load balancer, as AWS documents it: every shard of the ALB session
 * cookie ({@code AWSELBAuthSessionCookie-0}, {@code -1}, … and the unsharded name) is expired, then,
 * unless the application or browser sign-in chose where logout goes, the browser goes to the
 * identity provider's logout (for Cognito,
 * {@code https://<domain>/logout?client_id=…&logout_uri=…}), whose landing page must not be behind
 * an authenticate rule.
 */
public final class AlbLogout implements AwsAuthSecurityContribution, LogoutHandler, LogoutSuccessHandler {

	/** After browser sign-in, whose logout also ends the identity provider's session. */
	private static final int ORDER = 200;

	private static final int SHARDS = 4;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final String cookieName;

	private final String logoutUrl;

	/**
	 * Create the logout.
	 * @param cookieName the ALB session cookie name
	 * @param logoutUrl where the browser goes next
	 */
	public AlbLogout(String cookieName, String logoutUrl) {
		this.cookieName = cookieName;
		this.logoutUrl = logoutUrl;
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.ALB;
	}

	@Override
	public void init(HttpSecurity http, AwsAuthHandlers handlers) {
		http.logout((logout) -> logout.addLogoutHandler(this)
			.defaultLogoutSuccessHandlerFor(this, AnyRequestMatcher.INSTANCE));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		expire(response, this.cookieName);
		for (int shard = 0; shard < SHARDS; shard++) {
			expire(response, this.cookieName + "-" + shard);
		}
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		this.redirects.sendRedirect(request, response, this.logoutUrl);
	}

	private static void expire(HttpServletResponse response, String name) {
		Cookie cookie = new Cookie(name, "");
		cookie.setMaxAge(0);
		cookie.setPath("/");
		cookie.setSecure(true);
		cookie.setHttpOnly(true);
		response.addCookie(cookie);
	}

}
