package io.github.awsauth.autoconfigure;

import java.util.List;

import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.authz.RouteRules;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The route rules of {@code aws.auth.authorization}, as a bean an application can also apply to
 * its own filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RouteRules awsRouteRules(AwsAuthProperties properties) {
		AuthorizationProperties authorization = properties.getAuthorization();
		List<AuthorizationProperties.Route> routes = authorization.getRoutes();
		for (int i = 0; i < routes.size(); i++) {
			if (!StringUtils.hasText(routes.get(i).getPattern())) {
				String property = "aws.auth.authorization.routes[" + i + "].pattern";
				throw new AwsAuthConfigurationException(property, "no path pattern is set",
						"Set " + property + " to the paths the rule guards, for example /api/orders/**.");
			}
		}
		return new RouteRules(authorization);
	}

}
