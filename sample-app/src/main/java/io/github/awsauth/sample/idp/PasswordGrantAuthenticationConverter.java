package io.github.awsauth.sample.idp;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads {@code grant_type=password&username=…&password=…[&scope=…]} at the token endpoint.
 */
final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		if (!DemoDirectory.PASSWORD.getValue().equals(request.getParameter("grant_type"))) {
			return null;
		}
		String username = request.getParameter("username");
		String password = request.getParameter("password");
		if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		String scope = request.getParameter("scope");
		Set<String> scopes = StringUtils.hasText(scope) ? new LinkedHashSet<>(Arrays.asList(scope.split(" ")))
				: Set.of();
		Authentication client = SecurityContextHolder.getContext().getAuthentication();
		return new PasswordGrantAuthenticationToken(client, username, password, scopes);
	}

}
