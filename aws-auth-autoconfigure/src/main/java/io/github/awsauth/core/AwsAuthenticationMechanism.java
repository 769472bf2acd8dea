package io.github.awsauth.core;

import jakarta.servlet.Filter;
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
	 * A filter that prepares requests for this mechanism before it authenticates them, for example
	 * by buffering the body whose hash is signed; it runs just before the mechanism's filter.
	 * @return the filter, or {@code null} for none
	 */
	default @Nullable Filter preparingFilter() {
		return null;
	}

}
