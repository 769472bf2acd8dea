package io.github.awsauth.core;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The starter's answers to a request it cannot let through: the entry point (401 with a challenge
 * per accepted scheme, or the status of an {@link AwsAuthenticationException}, with an RFC 9457
 * problem body) and the access-denied handler (403 with a problem body).
 *
 * @param authenticationEntryPoint answers a missing or rejected credential
 * @param accessDeniedHandler answers a caller who is not allowed
 */
public record AwsAuthHandlers(AuthenticationEntryPoint authenticationEntryPoint,
		AccessDeniedHandler accessDeniedHandler) {

}
