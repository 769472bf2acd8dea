package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.Assert;

/**
 * The route rules of {@code aws.auth.authorization} as {@code authorizeHttpRequests} rules:
 * error dispatches of requests already let through and the public paths first, then each route in
 * order, then every other request needs an authenticated caller (deny by default).
 * <pre class="code">
 * http.authorizeHttpRequests(routeRules::apply);
 * </pre>
 */
public final class RouteRules {

	private final List<String> publicPaths;

	private final List<Rule> rules;

	/**
	 * Create the rules.
	 * @param properties the authorization properties
	 */
	public RouteRules(AuthorizationProperties properties) {
		this.publicPaths = List.copyOf(properties.getPublicPaths());
		List<Rule> rules = new ArrayList<>();
		for (AuthorizationProperties.Route route : properties.getRoutes()) {
			Assert.hasText(route.getPattern(), "route pattern must not be empty");
			List<HttpMethod> methods = route.getMethods().isEmpty() ? null : route.getMethods();
			if (methods == null) {
				rules.add(new Rule(null, route.getPattern(), route.getAnyOf()));
			}
			else {
				methods.forEach((method) -> rules.add(new Rule(method, route.getPattern(), route.getAnyOf())));
			}
		}
		this.rules = List.copyOf(rules);
	}

	/**
	 * Add the rules to a filter chain's authorization.
	 * @param registry the registry of {@code authorizeHttpRequests}
	 */
	public void apply(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		// the error page of a request that was already let through (a 404 of a public path)
		registry.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		for (String path : this.publicPaths) {
			registry.requestMatchers(paths.matcher(path)).permitAll();
		}
		for (Rule rule : this.rules) {
			var authorized = registry.requestMatchers(paths.matcher(rule.method(), rule.pattern()));
			if (rule.anyOf().isEmpty()) {
				authorized.authenticated();
			}
			else {
				authorized.hasAnyAuthority(rule.anyOf().toArray(String[]::new));
			}
		}
		registry.anyRequest().authenticated();
	}

	private record Rule(@Nullable HttpMethod method, String pattern, List<String> anyOf) {

		Rule {
			anyOf = List.copyOf(anyOf);
		}

	}

}
