package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.util.Assert;

/**
 * The route rules of {@code aws.auth.authorization} as {@code authorizeHttpRequests} rules:
 * error dispatches of requests already let through and the public paths first, then each route in
 * order (an authenticated caller, of one of its {@code mechanisms} when it names some, holding any
 * of its {@code any-of} or all of its {@code all-of} authorities), then every other request needs an
 * authenticated caller, or with {@code default: deny} nothing lets it through. A request a rule
 * lets through is then put to each decision point in turn (the policy authorizer, OPA, Verified
 * Permissions, as configured); the first that denies ends it.
 * <pre class="code">
 * http.authorizeHttpRequests(routeRules::apply);
 * </pre>
 */
public final class RouteRules {

	/** Told to a caller the route does not accept. */
	static final String MECHANISM_NOT_ACCEPTED = "This route does not accept callers authenticated this way";

	/** Told to a caller without the authorities the route needs. */
	static final String AUTHORITY_MISSING = "The caller lacks an authority this route requires";

	/** Told to a caller on a path no rule allows. */
	static final String NO_RULE = "No rule allows this request";

	private static final AuthorizationManager<RequestAuthorizationContext> AUTHENTICATED = AuthenticatedAuthorizationManager
		.authenticated();

	/** The request attribute holding the pattern of the route rule that let a request through. */
	private static final String MATCHED_PATTERN = RouteRules.class.getName() + ".pattern";

	private final List<String> publicPaths;

	private final List<Rule> rules;

	private final AuthorizationProperties.DefaultAccess defaultAccess;

	private final List<AuthorizationManager<RequestAuthorizationContext>> decisionPoints;

	private final List<RequestMatcherEntry<AuthorizationManager<RequestAuthorizationContext>>> entries;

	/**
	 * Create the rules.
	 * @param properties the authorization properties
	 */
	public RouteRules(AuthorizationProperties properties) {
		this(properties, List.of());
	}

	/**
	 * Create the rules, followed by decision points that must each allow a request a rule let
	 * through: the policy authorizer, OPA, Verified Permissions.
	 * @param properties the authorization properties
	 * @param decisionPoints the decision points, in the order they are asked; the first that denies
	 * ends it
	 */
	public RouteRules(AuthorizationProperties properties,
			List<? extends AuthorizationManager<RequestAuthorizationContext>> decisionPoints) {
		this.decisionPoints = List.copyOf(decisionPoints);
		this.publicPaths = List.copyOf(properties.getPublicPaths());
		List<Rule> rules = new ArrayList<>();
		for (AuthorizationProperties.Route route : properties.getRoutes()) {
			Assert.hasText(route.getPattern(), "route pattern must not be empty");
			List<HttpMethod> methods = route.getMethods().isEmpty() ? null : standardMethods(route.getMethods());
			Assert.isTrue(route.getAnyOf().isEmpty() || route.getAllOf().isEmpty(),
					"a route takes any-of or all-of, not both");
			AuthorizationManager<RequestAuthorizationContext> access = access(route, this.decisionPoints);
			if (methods == null) {
				rules.add(new Rule(null, route.getPattern(), access));
			}
			else {
				methods.forEach((method) -> rules.add(new Rule(method, route.getPattern(), access)));
			}
		}
		this.rules = List.copyOf(rules);
		this.defaultAccess = properties.getDefault();
		this.entries = entries();
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
		for (RequestMatcherEntry<AuthorizationManager<RequestAuthorizationContext>> entry : this.entries) {
			registry.requestMatchers(entry.getRequestMatcher()).access(entry.getEntry());
		}
	}

	/**
	 * The rules as one {@code AuthorizationManager}, the first matching rule deciding, as
	 * {@link #apply} registers them.
	 * @return the manager
	 */
	public AuthorizationManager<HttpServletRequest> manager() {
		RequestMatcherDelegatingAuthorizationManager.Builder builder = RequestMatcherDelegatingAuthorizationManager
			.builder();
		this.entries.forEach((entry) -> builder.add(entry.getRequestMatcher(), entry.getEntry()));
		return builder.build();
	}

	/** Each rule with what it matches, in the order they are checked. */
	private List<RequestMatcherEntry<AuthorizationManager<RequestAuthorizationContext>>> entries() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcherEntry<AuthorizationManager<RequestAuthorizationContext>>> entries = new ArrayList<>();
		// the error page of a request that was already let through (a 404 of a public path)
		entries.add(new RequestMatcherEntry<>(new DispatcherTypeRequestMatcher(DispatcherType.ERROR),
				SingleResultAuthorizationManager.permitAll()));
		for (String path : this.publicPaths) {
			entries.add(new RequestMatcherEntry<>(paths.matcher(path), SingleResultAuthorizationManager.permitAll()));
		}
		for (Rule rule : this.rules) {
			entries.add(new RequestMatcherEntry<>(paths.matcher(rule.method(), rule.pattern()), rule.access()));
		}
		entries.add(new RequestMatcherEntry<>(AnyRequestMatcher.INSTANCE,
				(this.defaultAccess == AuthorizationProperties.DefaultAccess.DENY) ? denyUnmatched()
						: access(new AuthorizationProperties.Route(), this.decisionPoints)));
		return List.copyOf(entries);
	}

	/**
	 * An authenticated caller, of one of the route's mechanisms, with its authorities, whom every
	 * decision point allows.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> access(AuthorizationProperties.Route route,
			List<AuthorizationManager<RequestAuthorizationContext>> decisionPoints) {
		Set<Mechanism> mechanisms = Set.copyOf(route.getMechanisms());
		AuthorizationManager<RequestAuthorizationContext> authorities = null;
		if (!route.getAnyOf().isEmpty()) {
			authorities = AuthorityAuthorizationManager.hasAnyAuthority(route.getAnyOf().toArray(String[]::new));
		}
		else if (!route.getAllOf().isEmpty()) {
			authorities = AllAuthoritiesAuthorizationManager.hasAllAuthorities(route.getAllOf());
		}
		AuthorizationManager<RequestAuthorizationContext> required = authorities;
		String rule = (route.getPattern() != null) ? "route " + route.getPattern() : "(default: authenticated)";
		return (authentication, context) -> {
			AuthorizationResult authenticated = AUTHENTICATED.authorize(authentication, context);
			if (authenticated == null || !authenticated.isGranted()) {
				// no caller: the entry point's 401, not a 403
				return Decisions.DENY;
			}
			if (!mechanisms.isEmpty() && !(authentication.get().getPrincipal() instanceof AwsPrincipal principal
					&& mechanisms.contains(principal.mechanism()))) {
				return Decisions.denied(context.getRequest(), authentication.get(), DecisionSource.ROUTE, rule,
						MECHANISM_NOT_ACCEPTED, false);
			}
			if (required != null) {
				AuthorizationResult granted = required.authorize(authentication, context);
				if (granted == null || !granted.isGranted()) {
					return Decisions.denied(context.getRequest(), authentication.get(), DecisionSource.ROUTE, rule,
							AUTHORITY_MISSING, true);
				}
			}
			// set on every decision, so that a forward to a path no route names leaves none behind
			context.getRequest().setAttribute(MATCHED_PATTERN, route.getPattern());
			for (AuthorizationManager<RequestAuthorizationContext> decisionPoint : decisionPoints) {
				AuthorizationResult decision = decisionPoint.authorize(authentication, context);
				if (decision == null || !decision.isGranted()) {
					// the decision point's own refusal, which names it
					return (decision != null) ? decision : Decisions.DENY;
				}
			}
			return SourcedDecision.allowed(DecisionSource.ROUTE);
		};
	}

	/**
	 * The pattern of the route rule that let a request through.
	 * @param request the request
	 * @return the pattern, or {@code null} when no route rule named the request
	 */
	static @Nullable String matchedPattern(HttpServletRequest request) {
		return (request.getAttribute(MATCHED_PATTERN) instanceof String pattern) ? pattern : null;
	}

	/** What no rule lets through, with {@code default: deny}: refused, with a decision id. */
	private static AuthorizationManager<RequestAuthorizationContext> denyUnmatched() {
		return (authentication, context) -> {
			AuthorizationResult authenticated = AUTHENTICATED.authorize(authentication, context);
			if (authenticated == null || !authenticated.isGranted()) {
				return Decisions.DENY;
			}
			return Decisions.denied(context.getRequest(), authentication.get(), DecisionSource.ROUTE, "(default: deny)",
					NO_RULE, false);
		};
	}

	private record Rule(@Nullable HttpMethod method, String pattern,
			AuthorizationManager<RequestAuthorizationContext> access) {

	}

}
