package io.github.awsauth.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize} and friends unless the application already did.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(name = "preAuthorizeAuthorizationMethodInterceptor")
@EnableMethodSecurity
class MethodSecurityConfiguration {

}
