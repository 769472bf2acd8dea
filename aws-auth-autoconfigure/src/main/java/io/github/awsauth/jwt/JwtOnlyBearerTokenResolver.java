package io.github.awsauth.jwt;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads a bearer token only from a request whose credential is a JWT, as
 * the one-credential filter found it ({@link RequestCredentials}): a {@code Bearer} credential another mechanism reads
 * (an IAM token {@code k8s-aws-v1.…}) is not read as a JWT. A session does not matter: a request
 * with a bearer token is authenticated by it or refused. The token the one-credential filter found
 * is kept on the request ({@link #resolveAndKeep}) and not looked for again.
 */
final class JwtOnlyBearerTokenResolver implements BearerTokenResolver {

	private static final String RESOLVED = JwtOnlyBearerTokenResolver.class.getName() + ".token";

	private final BearerTokenResolver delegate;

	JwtOnlyBearerTokenResolver(BearerTokenResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (RequestCredentials.mechanism(request) != Mechanism.JWT) {
			return null;
		}
		return (request.getAttribute(RESOLVED) instanceof String token) ? token : this.delegate.resolve(request);
	}

	/**
	 * Find a request's bearer token, for the one-credential filter, and keep it on the request for
	 * the resource server's filter.
	 * @param tokens the resolver
	 * @param request the request
	 * @return the token, or {@code null}
	 */
	static @Nullable String resolveAndKeep(BearerTokenResolver tokens, HttpServletRequest request) {
		String token = tokens.resolve(request);
		if (token != null) {
			request.setAttribute(RESOLVED, token);
		}
		return token;
	}

}
