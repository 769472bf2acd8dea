package io.github.awsauth.alb;

import java.io.IOException;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Signs a user out of the load balancer, as AWS documents it: every shard of the ALB session
 * cookie ({@code AWSELBAuthSessionCookie-0}, {@code -1}, … and the unsharded name) is expired, then
 * the browser goes to the identity provider's logout (for Cognito,
 * {@code https://<domain>/logout?client_id=…&logout_uri=…}), whose landing page must not be behind
 * an authenticate rule.
 */
public final class AlbLogoutSuccessHandler implements LogoutSuccessHandler {

	private static final int SHARDS = 4;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final String cookieName;

	private final String logoutUrl;

	/**
	 * Create a handler.
	 * @param cookieName the ALB session cookie name
	 * @param logoutUrl where the browser goes next
	 */
	public AlbLogoutSuccessHandler(String cookieName, String logoutUrl) {
		this.cookieName = cookieName;
		this.logoutUrl = logoutUrl;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		expire(response, this.cookieName);
		for (int shard = 0; shard < SHARDS; shard++) {
			expire(response, this.cookieName + "-" + shard);
		}
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
