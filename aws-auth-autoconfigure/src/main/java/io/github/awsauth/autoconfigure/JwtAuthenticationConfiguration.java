package io.github.awsauth.autoconfigure;

import java.time.Clock;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.BoundedBearerTokenResolver;
import io.github.awsauth.jwt.JwtIssuerProcessorCustomizer;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Bearer JWTs: the decoder of the trusted issuers, which is the bearer-token decoder of the
 * resource server, and the mapping of tokens to {@code AwsPrincipal}s. The decoder backs off when
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
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder awsJwtDecoder(AwsAuthProperties properties, ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<JwtIssuerProcessorCustomizer> customizers) {
		JwtProperties jwt = properties.getJwt();
		JwtProperties.Jwks jwks = jwt.getJwks();
		DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) jwks.getConnectTimeout().toMillis(),
				(int) jwks.getReadTimeout().toMillis(), (int) jwks.getMaxSize().toBytes());
		return new TrustedIssuersJwtDecoderFactory(jwt, retriever, Clock.systemUTC(),
				validators.orderedStream().toList(), customizers.orderedStream().toList())
			.create(TrustedIssuers.from(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	AwsJwtAuthenticationConverter awsJwtAuthenticationConverter(AwsAuthProperties properties) {
		JwtProperties jwt = properties.getJwt();
		ClaimAuthorities authorities = new ClaimAuthorities(jwt.getGroupsClaim(), jwt.getGroupAuthorityPrefix(),
				jwt.getScopeAuthorityPrefix());
		return new AwsJwtAuthenticationConverter(authorities, jwt.getPrincipalClaim(),
				TrustedIssuersJwtDecoderFactory.cognitoIssuers(TrustedIssuers.from(properties)));
	}

}
