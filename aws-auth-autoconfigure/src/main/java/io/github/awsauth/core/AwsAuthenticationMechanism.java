package io.github.awsauth.core;

import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A request-credential mechanism (ALB, IAM, SigV4, instance identity, mTLS, API key): a converter
 * that finds its credential on a request and a provider that verifies it. Beans of this type are
 * picked up by {@code AwsAuthConfigurer}: its one stateless authentication filter asks the
 * converter of the bean whose credential a request carries; the provider joins the chain's
 * {@code AuthenticationManager}. A bean may not be for a mechanism whose credential an
 * {@link AwsAuthSecurityContribution} reads (the bearer JWT): the start-up fails. A mechanism that
 * needs more of the chain than a filter (the resource server, oauth2Login) is an
 * {@link AwsAuthSecurityContribution} instead.
 */
public interface AwsAuthenticationMechanism extends RequestCredential {

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
