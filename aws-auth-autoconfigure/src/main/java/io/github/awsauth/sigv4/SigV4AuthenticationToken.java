package io.github.awsauth.sigv4;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request that carries SigV4, not yet verified.
 */
final class SigV4AuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient SigV4Request request;

	SigV4AuthenticationToken(SigV4Request request) {
		super(List.of());
		this.request = request;
	}

	SigV4Request request() {
		return this.request;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "";
	}

}
