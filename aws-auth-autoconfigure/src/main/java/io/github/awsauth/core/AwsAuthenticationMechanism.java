package io.github.awsauth.core;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * What one request-credential mechanism (SigV4, IAM, instance identity, mTLS, API key) contributes
 * to the filter chain. Beans of this type are picked up by {@code AwsAuthConfigurer}, each in its
 * own authentication filter, in their order.
 */
public interface AwsAuthenticationMechanism {

	/**
	 * The mechanism.
	 * @return the mechanism
	 */
	Mechanism mechanism();

	/**
	 * The request headers that carry this mechanism's credential. A request that carries one of
	 * them more than once is refused (400) before any mechanism reads it.
	 * @return the header names
	 */
	List<String> credentialHeaders();

	/**
	 * Whether a request carries this mechanism's credential, well formed or not, judged without
	 * reading it further. A request that carries the credentials of more than one mechanism is
	 * refused (400); one that carries this mechanism's is authenticated by it or refused, never by
	 * a session.
	 * @param request the request
	 * @return whether it does
	 */
	boolean carriesCredential(HttpServletRequest request);

	/**
	 * Recognises the mechanism's credential on a request. It returns {@code null} when the request
	 * does not carry this credential, an {@link UnverifiedCredential} when it does, and throws an
	 * {@link AwsAuthenticationException} when the credential is there but cannot be read.
	 * @return the converter
	 */
	AuthenticationConverter converter();

	/**
	 * Verifies the credential the converter found and returns an {@link AwsAuthenticationToken}, or
	 * throws an {@link AwsAuthenticationException}; see {@link UnverifiedCredential#provider}.
	 * @return the provider
	 */
	AuthenticationProvider provider();

	/**
	 * The {@code WWW-Authenticate} challenge with which a request without any credential is
	 * answered, for example {@code AWS4-HMAC-SHA256}.
	 * @return the challenge
	 */
	String challenge();

	/**
	 * A servlet filter that prepares requests for this mechanism before anything else reads them,
	 * for example by capturing the body whose hash is signed. It is registered with the servlet
	 * container ahead of Spring's {@code HiddenHttpMethodFilter} and {@code FormContentFilter} (the
	 * auto-configuration does so), not in the security filter chain, which runs after them.
	 * @return the filter, or {@code null} for none
	 */
	default @Nullable Filter preparingFilter() {
		return null;
	}

}
