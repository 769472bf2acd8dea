package io.github.awsauth.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * What a mechanism adds to a {@code SecurityFilterChain} beyond a credential filter: the resource
 * server for bearer JWTs, oauth2Login for browser sign-in, a logout handler for the ALB. Beans of
 * this type are applied by {@code AwsAuthConfigurer} in their {@linkplain #getOrder() order}: their
 * {@link #init} before the configurer registers its own default entry point and access-denied
 * handler, so that a contribution's defaults for the requests it owns take precedence, and their
 * {@link #configure} in the configurer's {@code configure}. A contribution registers what it needs
 * as a default ({@code defaultAuthenticationEntryPointFor}, {@code defaultAccessDeniedHandlerFor})
 * and leaves what the application set alone.
 */
public interface AwsAuthSecurityContribution extends Ordered {

	/**
	 * The mechanism this contribution belongs to; a chain that does not accept it leaves it out.
	 * @return the mechanism
	 */
	Mechanism mechanism();

	/**
	 * The {@code WWW-Authenticate} challenges a request without any credential is answered with,
	 * for example {@code Bearer}.
	 * @return the challenges, none by default
	 */
	default List<String> challenges() {
		return List.of();
	}

	/**
	 * The credential this contribution reads from requests, for the one-credential rule.
	 * @return the credential, or {@code null} when it reads none (a session, a logout)
	 */
	default @Nullable RequestCredential credential() {
		return null;
	}

	/**
	 * Add what the mechanism needs to the chain, from the configurer's {@code init}.
	 * @param http the chain being built
	 * @param handlers the starter's entry point and access-denied handler, to answer with or to
	 * delegate to
	 */
	void init(HttpSecurity http, AwsAuthHandlers handlers);

	/**
	 * Finish the mechanism's part of the chain, from the configurer's {@code configure}, once the
	 * chain's shared objects (its {@code AuthenticationManager}) exist.
	 * @param http the chain being built
	 * @param handlers the starter's handlers
	 */
	default void configure(HttpSecurity http, AwsAuthHandlers handlers) {
	}

	@Override
	default int getOrder() {
		return 0;
	}

}
