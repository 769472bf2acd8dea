package io.github.awsauth.autoconfigure;

import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.JwtSecurityContribution;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Bearer JWTs in the filter chain, when there is a decoder to check them with (the starter's, for
 * the trusted issuers, or the application's own): without one there is no resource server and no
 * {@code Bearer} challenge.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(JwtDecoder.class)
class JwtSecurityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtSecurityContribution awsJwtSecurityContribution(JwtDecoder decoder, BearerTokenResolver tokens,
			AwsJwtAuthenticationConverter converter) {
		return new JwtSecurityContribution(decoder, tokens, converter);
	}

}
