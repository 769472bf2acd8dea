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
 * with a bearer token is authenticated by it or refused.
 */
final class JwtOnlyBearerTokenResolver implements BearerTokenResolver {

	private final BearerTokenResolver delegate;

	JwtOnlyBearerTokenResolver(BearerTokenResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (RequestCredentials.mechanism(request) != Mechanism.JWT) {
			return null;
		}
		return this.delegate.resolve(request);
	}

}
