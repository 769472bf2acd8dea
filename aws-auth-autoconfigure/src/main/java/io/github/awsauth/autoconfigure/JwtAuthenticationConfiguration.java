package io.github.awsauth.autoconfigure;

import java.time.Clock;
import java.util.Map;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.BoundedBearerTokenResolver;
import io.github.awsauth.jwt.JwtIssuerProcessorCustomizer;
import io.github.awsauth.jwt.JwtKeySets;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * Bearer JWTs: the decoder of the trusted issuers (only when one is configured), which is the
 * bearer-token decoder of the resource server, and the mapping of tokens to {@code AwsPrincipal}s. The decoder backs off when
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
	@Conditional(IssuersConfigured.class)
	JwtDecoder awsJwtDecoder(AwsAuthProperties properties, TrustedIssuers issuers,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators,
			ObjectProvider<JwtIssuerProcessorCustomizer> customizers, CryptoProvider crypto, JwtKeySets keySets,
			Caches caches) {
		JwtProperties jwt = properties.getJwt();
		JwtProperties.Jwks jwks = jwt.getJwks();
		DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) jwks.getConnectTimeout().toMillis(),
				(int) jwks.getReadTimeout().toMillis(), (int) jwks.getMaxSize().toBytes());
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(jwt, retriever,
				Clock.systemUTC(), validators.orderedStream().toList(), customizers.orderedStream().toList());
		factory.setCryptoProvider(crypto);
		factory.setKeySets(keySets);
		factory.setCaches(caches);
		return factory.create(issuers.list());
	}

	/** The key sets of the starter's decoder; empty when the application decodes tokens itself. */
	@Bean
	@ConditionalOnMissingBean
	JwtKeySets awsJwtKeySets() {
		return new JwtKeySets();
	}

	@Bean
	@ConditionalOnMissingBean
	AwsJwtAuthenticationConverter awsJwtAuthenticationConverter(AwsAuthProperties properties,
			ClaimAuthorities authorities, TrustedIssuers issuers) {
		return new AwsJwtAuthenticationConverter(authorities, properties.getJwt().getPrincipalClaim(),
				TrustedIssuersJwtDecoderFactory.cognitoIssuers(issuers.list()),
				properties.getJwt().getVerifiedCacheSize());
	}

	/**
	 * A trusted issuer is configured ({@code aws.auth.jwt.issuers} or the {@code aws.auth.cognito}
	 * pool): without one there is no decoder, no resource server and no {@code Bearer} challenge.
	 */
	static class IssuersConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			boolean issuers = binder.bind("aws.auth.jwt.issuers", Bindable.listOf(Map.class))
				.map((list) -> !list.isEmpty())
				.orElse(false);
			boolean pool = binder.bind("aws.auth.cognito.user-pool-id", String.class)
				.map(StringUtils::hasText)
				.orElse(false);
			return (issuers || pool) ? ConditionOutcome.match("a trusted JWT issuer is configured")
					: ConditionOutcome.noMatch("no aws.auth.jwt.issuers and no aws.auth.cognito.user-pool-id");
		}

	}

}
