package io.github.awsauth.core;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated caller: the {@link AwsPrincipal} and, where the application may need it, the
 * verified credential (for example the decoded {@code Jwt}).
 */
public class AwsAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AwsPrincipal principal;

	private @Nullable Object credentials;

	/**
	 * Create an authenticated token; its authorities are the principal's.
	 * @param principal the verified caller
	 * @param credentials the verified credential, or {@code null}
	 */
	public AwsAuthenticationToken(AwsPrincipal principal, @Nullable Object credentials) {
		super(principal.authorities());
		this.principal = principal;
		this.credentials = credentials;
		setAuthenticated(true);
	}

	@Override
	public AwsPrincipal getPrincipal() {
		return this.principal;
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.credentials;
	}

	@Override
	public String getName() {
		return this.principal.getName();
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.credentials = null;
	}

}
