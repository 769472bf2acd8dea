package io.github.awsauth.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The {@code CorsConfigurationSource} of {@code aws.auth.cors}, when origins are set and the
 * application has none of its own. {@code AwsAuthConfigurer} applies whichever there is, so that
 * preflight requests are answered before authentication.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(CrossOriginConfiguration.OriginsConfigured.class)
class CrossOriginConfiguration {

	@Bean
	@ConditionalOnMissingBean(value = CorsConfigurationSource.class, ignoredType = {
			"org.springframework.web.servlet.handler.HandlerMappingIntrospector" })
	UrlBasedCorsConfigurationSource awsAuthCorsConfigurationSource(AwsAuthProperties properties) {
		CorsProperties cors = properties.getCors();
		for (int i = 0; i < cors.getAllowedOrigins().size(); i++) {
			if ("*".equals(cors.getAllowedOrigins().get(i)) && cors.isAllowCredentials()) {
				String property = "aws.auth.cors.allowed-origins[" + i + "]";
				throw new AwsAuthConfigurationException(property, "'*' cannot be combined with allow-credentials",
						"List the origins of your web app, or set aws.auth.cors.allow-credentials=false.");
			}
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(List.copyOf(cors.getAllowedOrigins()));
		configuration.setAllowedMethods(List.copyOf(cors.getAllowedMethods()));
		configuration.setAllowedHeaders(List.copyOf(cors.getAllowedHeaders()));
		configuration.setExposedHeaders(List.copyOf(cors.getExposedHeaders()));
		configuration.setAllowCredentials(cors.isAllowCredentials());
		configuration.setMaxAge(cors.getMaxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

	/** {@code aws.auth.cors.allowed-origins} has an origin, in list or comma-separated form. */
	static class OriginsConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean origins = Binder.get(context.getEnvironment())
				.bind("aws.auth.cors.allowed-origins", Bindable.listOf(String.class))
				.map((list) -> !list.isEmpty())
				.orElse(false);
			return origins ? ConditionOutcome.match("aws.auth.cors.allowed-origins is set")
					: ConditionOutcome.noMatch("aws.auth.cors.allowed-origins is not set");
		}

	}

}
