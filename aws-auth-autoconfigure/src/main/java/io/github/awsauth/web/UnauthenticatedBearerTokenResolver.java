package io.github.awsauth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Leaves a request alone once an earlier mechanism authenticated it, so that a {@code Bearer}
 * credential that is not a JWT (an IAM token {@code k8s-aws-v1.…}) is not read as one.
 */
final class UnauthenticatedBearerTokenResolver implements BearerTokenResolver {

	private final BearerTokenResolver delegate;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	UnauthenticatedBearerTokenResolver(BearerTokenResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (this.contexts.getContext().getAuthentication() != null) {
			return null;
		}
		return this.delegate.resolve(request);
	}

}
