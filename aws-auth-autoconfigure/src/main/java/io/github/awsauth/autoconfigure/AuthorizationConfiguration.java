package io.github.awsauth.autoconfigure;

import java.util.Arrays;
import java.util.List;

import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.authz.AwsAuthExpressions;
import io.github.awsauth.authz.DecisionPoint;
import io.github.awsauth.authz.PolicyAuthorizer;
import io.github.awsauth.authz.RouteRules;
import io.github.awsauth.core.ClaimAuthorities;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.util.StringUtils;

/**
 * The route rules of {@code aws.auth.authorization} and the decision points after them, as a bean
 * an application can also apply to its own filter chain, and the {@code awsAuth} helpers.
 */
@Configuration(proxyBeanMethods = false)
@Import({ PolicyConfiguration.class, DecisionPointsConfiguration.class })
class AuthorizationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AwsAuthExpressions awsAuth(ClaimAuthorities authorities, AwsAuthProperties properties,
			ObjectProvider<PolicyAuthorizer> policies) {
		return new AwsAuthExpressions(authorities, properties.getAuthorization().getOwnerAttribute(),
				policies.getIfAvailable());
	}

	/**
	 * Spring Security's authorization events (denials), published from the filter chain and method
	 * security alike, and every decision counted when there is a {@code DecisionCounter}.
	 */
	@Bean
	@ConditionalOnMissingBean(AuthorizationEventPublisher.class)
	AuthorizationEventPublisher awsAuthorizationEventPublisher(ApplicationEventPublisher events,
			ObjectProvider<CountingAuthorizationEventPublisher.DecisionCounter> counters) {
		return new CountingAuthorizationEventPublisher(new SpringAuthorizationEventPublisher(events),
				counters.getIfAvailable(() -> CountingAuthorizationEventPublisher.DecisionCounter.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	RouteRules awsRouteRules(AwsAuthProperties properties, ObjectProvider<DecisionPoint> decisionPoints) {
		AuthorizationProperties authorization = properties.getAuthorization();
		List<AuthorizationProperties.Route> routes = authorization.getRoutes();
		for (int i = 0; i < routes.size(); i++) {
			if (!StringUtils.hasText(routes.get(i).getPattern())) {
				String property = "aws.auth.authorization.routes[" + i + "].pattern";
				throw new AwsAuthConfigurationException(property, "no path pattern is set",
						"Set " + property + " to the paths the rule guards, for example /api/orders/**.");
			}
			if (!routes.get(i).getAnyOf().isEmpty() && !routes.get(i).getAllOf().isEmpty()) {
				String property = "aws.auth.authorization.routes[" + i + "].all-of";
				throw new AwsAuthConfigurationException(property, "the route has both any-of and all-of",
						"Give the route any-of (one of the authorities is enough) or all-of (every one is needed), "
								+ "or split it into two routes.");
			}
			List<HttpMethod> methods = routes.get(i).getMethods();
			for (int j = 0; j < methods.size(); j++) {
				if (RouteRules.standardMethod(methods.get(j)) == null) {
					String property = "aws.auth.authorization.routes[" + i + "].methods[" + j + "]";
					throw new AwsAuthConfigurationException(property,
							"'" + methods.get(j).name() + "' is not a standard HTTP method",
							"Set " + property + " to one of " + Arrays.toString(HttpMethod.values()) + ".");
				}
			}
		}
		return new RouteRules(authorization, decisionPoints.orderedStream().toList());
	}

}
