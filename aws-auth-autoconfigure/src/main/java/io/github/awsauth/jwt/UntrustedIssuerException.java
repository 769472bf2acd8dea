package io.github.awsauth.jwt;

import com.nimbusds.jose.proc.BadJOSEException;

/**
 * A token names an issuer that is not configured, or none.
 */
public class UntrustedIssuerException extends BadJOSEException {

	/**
	 * Create an exception.
	 */
	public UntrustedIssuerException() {
		super("Token issuer is not trusted");
	}

}
