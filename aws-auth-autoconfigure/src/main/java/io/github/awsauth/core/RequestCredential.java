package io.github.awsauth.core;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A credential a request can carry, as far as the one-credential rule needs to know it: where it is
 * and whether a request carries it. A request that carries one of {@link #credentialHeaders()}
 * more than once, or the credentials of two mechanisms, is refused (400) before any mechanism
 * reads it; one that carries this credential is authenticated by its mechanism or refused, never
 * by a session.
 */
public interface RequestCredential {

	/**
	 * The mechanism that reads the credential.
	 * @return the mechanism
	 */
	Mechanism mechanism();

	/**
	 * The request headers that carry the credential.
	 * @return the header names
	 */
	List<String> credentialHeaders();

	/**
	 * Whether a request carries the credential, well formed or not, judged without verifying it.
	 * @param request the request
	 * @return whether it does
	 */
	boolean carriesCredential(HttpServletRequest request);

	/**
	 * Whether this credential is only what a header carries when no other mechanism claims that
	 * header: a bearer token that no mechanism recognises as its own is a JWT. Such a credential is
	 * not asked whether a request carries it when a credential that does not yield claims the header.
	 * @return whether other claims on the same header take precedence
	 */
	default boolean yieldsToOtherClaims() {
		return false;
	}

	/**
	 * Whether this is a credential of the connection (a TLS client certificate) rather than of the
	 * request: beside a request credential it is not ambiguous; the request credential names the
	 * caller, and this one names it only when the request carries no other.
	 * @return whether it is a connection credential
	 */
	default boolean isTransport() {
		return false;
	}

	/**
	 * Whether the credential comes with every request of a browser without the page asking for it
	 * (a client certificate, headers a load balancer adds from its session cookie): a cross-site
	 * request carries it too, so it never exempts a request from CSRF protection.
	 * @return whether it is ambient
	 */
	default boolean isAmbient() {
		return false;
	}

}
