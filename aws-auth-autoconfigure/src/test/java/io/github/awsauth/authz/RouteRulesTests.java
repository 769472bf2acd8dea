package io.github.awsauth.authz;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Route rules built from properties: methods are the standard methods they name, in any case, and
 * a rule that names no standard method is refused rather than never matching.
 */
class RouteRulesTests {

	@Test
	void methodsNameTheStandardMethodInAnyCase() {
		assertThat(RouteRules.standardMethod(HttpMethod.valueOf("post"))).isSameAs(HttpMethod.POST);
		assertThat(RouteRules.standardMethod(HttpMethod.valueOf("Delete"))).isSameAs(HttpMethod.DELETE);
		assertThat(RouteRules.standardMethod(HttpMethod.valueOf("FETCH"))).isNull();
	}

	@Test
	void ruleWithANonStandardMethodIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RouteRules(properties("/api/**", "FETCH")))
			.withMessageContaining("'FETCH'");
	}

	@Test
	void ruleWithoutAPatternIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RouteRules(properties(" ", "GET")));
	}

	private static AuthorizationProperties properties(String pattern, String method) {
		AuthorizationProperties properties = new AuthorizationProperties();
		AuthorizationProperties.Route route = new AuthorizationProperties.Route();
		route.setPattern(pattern);
		route.setMethods(List.of(HttpMethod.valueOf(method)));
		properties.setRoutes(List.of(route));
		return properties;
	}

	@Test
	void managerDecidesAsTheRegisteredRules() {
		AuthorizationProperties properties = new AuthorizationProperties();
		properties.setPublicPaths(List.of("/public/**"));
		AuthorizationProperties.Route orders = new AuthorizationProperties.Route();
		orders.setPattern("/api/orders/**");
		orders.setMethods(List.of(HttpMethod.GET));
		orders.setAnyOf(List.of("SCOPE_orders.read"));
		properties.setRoutes(List.of(orders));
		properties.setDefault(AuthorizationProperties.DefaultAccess.DENY);
		AuthorizationManager<HttpServletRequest> manager = new RouteRules(properties).manager();
		Authentication reader = new TestingAuthenticationToken("alice", null, "SCOPE_orders.read");
		Authentication other = new TestingAuthenticationToken("bob", null, "SCOPE_other");
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThat(manager.authorize(() -> anonymous, request("GET", "/public/ping")).isGranted()).isTrue();
		assertThat(manager.authorize(() -> reader, request("GET", "/api/orders/1")).isGranted()).isTrue();
		assertThat(manager.authorize(() -> reader, request("HEAD", "/api/orders/1")).isGranted()).isTrue();
		assertThat(manager.authorize(() -> other, request("GET", "/api/orders/1")).isGranted()).isFalse();
		assertThat(manager.authorize(() -> anonymous, request("GET", "/api/orders/1")).isGranted()).isFalse();
		assertThat(manager.authorize(() -> reader, request("POST", "/api/orders/1")).isGranted())
			.as("default: deny")
			.isFalse();
	}

	@Test
	void aRefusalNamesWhatRefusedAndAnAllowedRequestTheRoute() {
		AuthorizationProperties properties = new AuthorizationProperties();
		AuthorizationProperties.Route orders = new AuthorizationProperties.Route();
		orders.setPattern("/api/orders/**");
		orders.setAnyOf(List.of("SCOPE_orders.read"));
		properties.setRoutes(List.of(orders));
		AuthorizationManager<RequestAuthorizationContext> opa = (authentication, context) -> "bob"
			.equals(authentication.get().getName()) ? SourcedDecision.denied(DecisionSource.OPA)
					: SourcedDecision.allowed(DecisionSource.OPA);
		AuthorizationManager<HttpServletRequest> manager = new RouteRules(properties, List.of(opa)).manager();
		Authentication alice = new TestingAuthenticationToken("alice", null, "SCOPE_orders.read");
		Authentication bob = new TestingAuthenticationToken("bob", null, "SCOPE_orders.read");
		Authentication carol = new TestingAuthenticationToken("carol", null, "SCOPE_other");

		assertThat(manager.authorize(() -> alice, request("GET", "/api/orders/1")))
			.isSameAs(SourcedDecision.allowed(DecisionSource.ROUTE));
		assertThat(manager.authorize(() -> bob, request("GET", "/api/orders/1")))
			.isSameAs(SourcedDecision.denied(DecisionSource.OPA));
		assertThat(manager.authorize(() -> carol, request("GET", "/api/orders/1")))
			.isSameAs(SourcedDecision.denied(DecisionSource.ROUTE));
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}

}
