package io.github.awsauth.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimAuthoritiesTests {

	private final ClaimAuthorities mapping = new ClaimAuthorities("cognito:groups", "ROLE_", "SCOPE_");

	@Test
	void groupsBecomeRolesAndScopesBecomeScopeAuthorities() {
		Map<String, Object> claims = Map.of("cognito:groups", List.of("admin", "ops"), "scope",
				"orders.read  orders.write");
		assertThat(names(claims)).containsExactly("ROLE_admin", "ROLE_ops", "SCOPE_orders.read",
				"SCOPE_orders.write");
	}

	@Test
	void scpArrayAndSpaceDelimitedGroupsAreRead() {
		Map<String, Object> claims = Map.of("cognito:groups", "admin", "scp", List.of("a", "b"));
		assertThat(names(claims)).containsExactly("ROLE_admin", "SCOPE_a", "SCOPE_b");
	}

	@Test
	void claimsOfOtherTypesGrantNothing() {
		Map<String, Object> claims = Map.of("cognito:groups", Map.of("admin", true), "scope", 42);
		assertThat(names(claims)).isEmpty();
	}

	@Test
	void prefixesAndClaimAreConfigurable() {
		ClaimAuthorities custom = new ClaimAuthorities("groups", "GROUP_", "");
		assertThat(custom.authorities(Map.of("groups", List.of("x"), "cognito:groups", List.of("y"), "scope", "s"))
			.stream()
			.map(GrantedAuthority::getAuthority)).containsExactly("GROUP_x", "s");
	}

	private List<String> names(Map<String, Object> claims) {
		return this.mapping.authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
