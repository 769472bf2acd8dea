package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.jwt.JwtKeySets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code awsauth} actuator endpoint, when the application has the actuator and gives the
 * endpoint access.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
class EndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	AwsAuthEndpoint awsAuthEndpoint(AwsAuthProperties properties, ObjectProvider<AwsAuthenticationMechanism> mechanisms,
			ObjectProvider<AwsAuthSecurityContribution> contributions, JwtKeySets keySets, Upstreams upstreams,
			ObjectProvider<SharedCache> shared, Caches caches) {
		return new AwsAuthEndpoint(properties, mechanisms, contributions, keySets, upstreams, shared, caches);
	}

}
