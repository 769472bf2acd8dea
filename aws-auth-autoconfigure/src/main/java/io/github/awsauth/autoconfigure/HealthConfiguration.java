package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.Upstreams;
import io.github.awsauth.jwt.JwtKeySets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Health contributors of the upstreams the starter depends on, with Spring Boot's health support.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class HealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "awsAuthJwksHealthIndicator")
	@Conditional(JwtAuthenticationConfiguration.IssuersConfigured.class)
	JwtKeySetsHealthIndicator awsAuthJwksHealthIndicator(JwtKeySets keySets, AwsAuthProperties properties) {
		return new JwtKeySetsHealthIndicator(keySets, properties.getHealth().isDownWhenUnreachable());
	}

	@Bean
	@ConditionalOnMissingBean(name = "awsAuthUpstreamsHealthIndicator")
	UpstreamsHealthIndicator awsAuthUpstreamsHealthIndicator(Upstreams upstreams, AwsAuthProperties properties) {
		return new UpstreamsHealthIndicator(upstreams, properties.getHealth().isDownWhenUnreachable());
	}

}
