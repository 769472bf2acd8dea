package io.github.awsauth.jwt;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} with a size limit: a token longer than
 * the limit is rejected (401) before anything parses it.
 */
public final class BoundedBearerTokenResolver implements BearerTokenResolver {

	static final String TOO_LARGE = "Bearer token is larger than ";

	private final BearerTokenResolver delegate = new DefaultBearerTokenResolver();

	private final long maxLength;

	/**
	 * Create a resolver.
	 * @param maxLength the longest token accepted, in characters
	 */
	public BoundedBearerTokenResolver(long maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String token = this.delegate.resolve(request);
		if (token != null && token.length() > this.maxLength) {
			throw new InvalidBearerTokenException(TOO_LARGE + this.maxLength + " characters");
		}
		return token;
	}

}
