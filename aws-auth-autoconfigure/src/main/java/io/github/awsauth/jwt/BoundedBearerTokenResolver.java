package io.github.awsauth.jwt;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * Reads the bearer token of the {@code Authorization} header as Spring Security's
 * {@link DefaultBearerTokenResolver} does with its defaults (the header only, never a query or form
 * parameter; {@code Bearer} in any case, one space, an RFC 6750 {@code b64token}), with a size
 * limit: a token longer than the limit is rejected (401) before anything parses it. The header is
 * read character by character: Spring's resolver matches it with a case-insensitive regular
 * expression, which for an 800-character token was half of a JWT request's CPU time.
 */
public final class BoundedBearerTokenResolver implements BearerTokenResolver {

	static final String TOO_LARGE = "Bearer token is larger than ";

	/** The message of Spring's resolver for a header that is not {@code Bearer <b64token>}. */
	static final String MALFORMED = "Bearer token is malformed";

	private static final String SCHEME = "Bearer ";

	private static final boolean[] TOKEN_CHARACTERS = tokenCharacters();

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
		String token = token(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token != null && token.length() > this.maxLength) {
			throw new InvalidBearerTokenException(TOO_LARGE + this.maxLength + " characters");
		}
		return token;
	}

	/**
	 * The token of an {@code Authorization} header, as {@code ^Bearer ([a-zA-Z0-9-._~+/]+=*)$}
	 * (case-insensitive) reads it.
	 * @param authorization the header, or {@code null}
	 * @return the token, or {@code null} when the header is not a bearer one
	 * @throws OAuth2AuthenticationException when it starts with {@code bearer} but is malformed
	 */
	static @Nullable String token(@Nullable String authorization) {
		if (!StringUtils.startsWithIgnoreCase(authorization, "bearer")) {
			return null;
		}
		int length = authorization.length();
		if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			throw malformed();
		}
		int end = SCHEME.length();
		while (end < length && isTokenCharacter(authorization.charAt(end))) {
			end++;
		}
		if (end == SCHEME.length()) {
			throw malformed();
		}
		while (end < length && authorization.charAt(end) == '=') {
			end++;
		}
		if (end != length) {
			throw malformed();
		}
		return authorization.substring(SCHEME.length());
	}

	private static boolean isTokenCharacter(char c) {
		return c < TOKEN_CHARACTERS.length && TOKEN_CHARACTERS[c];
	}

	/** Every character of a token is looked up, so the comparisons are made once, into a table. */
	private static boolean[] tokenCharacters() {
		boolean[] table = new boolean[128];
		for (char c = 0; c < table.length; c++) {
			table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
		}
		return table;
	}

	private static OAuth2AuthenticationException malformed() {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(MALFORMED));
	}

}
