package io.github.awsauth.authz;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

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

}
