package io.github.awsauth.autoconfigure;

import java.time.Clock;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.BoundedBearerTokenResolver;
import io.github.awsauth.jwt.IssuerJwtDecoderFactory;
import io.github.awsauth.jwt.JwtIssuerDecoderCustomizer;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TrustedIssuerAuthenticationManagers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Bearer JWTs: one decoder per trusted issuer, picked by the token's {@code iss}. Backs off when
 * the application defines its own {@link JwtDecoder}; its tokens then still become
 * {@code AwsPrincipal}s.
 */
@Configuration(proxyBeanMethods = false)
class JwtAuthenticationConfiguration {

	@Bean
	@ConditionalOnMissingBean(BearerTokenResolver.class)
	BoundedBearerTokenResolver awsBearerTokenResolver(AwsAuthProperties properties) {
		return new BoundedBearerTokenResolver(properties.getJwt().getMaxTokenSize().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean({ JwtDecoder.class, TrustedIssuerAuthenticationManagers.class })
	TrustedIssuerAuthenticationManagers awsTrustedIssuers(AwsAuthProperties properties,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<JwtIssuerDecoderCustomizer> customizers) {
		JwtProperties jwt = properties.getJwt();
		JwtProperties.Jwks jwks = jwt.getJwks();
		DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) jwks.getConnectTimeout().toMillis(),
				(int) jwks.getReadTimeout().toMillis(), (int) jwks.getMaxSize().toBytes());
		IssuerJwtDecoderFactory decoders = new IssuerJwtDecoderFactory(jwt, retriever, Clock.systemUTC(),
				validators.orderedStream().toList(), customizers.orderedStream().toList());
		return new TrustedIssuerAuthenticationManagers(TrustedIssuers.from(properties), decoders, jwt);
	}

	@Bean
	@ConditionalOnBean(TrustedIssuerAuthenticationManagers.class)
	@ConditionalOnMissingBean(JwtIssuerAuthenticationManagerResolver.class)
	JwtIssuerAuthenticationManagerResolver awsJwtIssuerAuthenticationManagerResolver(
			TrustedIssuerAuthenticationManagers trustedIssuers) {
		return new JwtIssuerAuthenticationManagerResolver(trustedIssuers);
	}

	@Bean
	@ConditionalOnBean(JwtDecoder.class)
	@ConditionalOnMissingBean
	AwsJwtAuthenticationConverter awsJwtAuthenticationConverter(AwsAuthProperties properties) {
		JwtProperties jwt = properties.getJwt();
		ClaimAuthorities authorities = new ClaimAuthorities(jwt.getGroupsClaim(), jwt.getGroupAuthorityPrefix(),
				jwt.getScopeAuthorityPrefix());
		return new AwsJwtAuthenticationConverter(authorities, jwt.getPrincipalClaim(), false);
	}

}
