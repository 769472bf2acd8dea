package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
			List<HttpMethod> methods = route.getMethods().isEmpty() ? null : standardMethods(route.getMethods());
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
	 * A method as the standard method it names in any case ({@code post} is {@code POST}).
	 * @param method a bound method, possibly a custom one such as {@code HttpMethod.valueOf("post")}
	 * @return the standard method, or {@code null} when it names none
	 */
	public static @Nullable HttpMethod standardMethod(HttpMethod method) {
		String name = method.name().toUpperCase(Locale.ROOT);
		return Arrays.stream(HttpMethod.values()).filter((standard) -> standard.name().equals(name)).findFirst()
			.orElse(null);
	}

	/** Lower-case methods would bind as custom methods that no request has: the route would open. */
	private static List<HttpMethod> standardMethods(List<HttpMethod> methods) {
		List<HttpMethod> standard = new ArrayList<>();
		for (HttpMethod method : methods) {
			HttpMethod normalized = standardMethod(method);
			Assert.isTrue(normalized != null, () -> "'" + method.name() + "' is not a standard HTTP method");
			standard.add(normalized);
		}
		// Spring MVC answers HEAD with the GET handler: a rule for GET guards HEAD too
		if (standard.contains(HttpMethod.GET) && !standard.contains(HttpMethod.HEAD)) {
			standard.add(HttpMethod.HEAD);
		}
		return standard;
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
