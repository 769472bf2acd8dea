package io.github.awsauth.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Claims handed to one request cannot change what the next request with the same remembered
 * credential sees: nothing in them can be modified, and they are a copy.
 */
class FrozenClaimsTests {

	@Test
	void nestedValuesCannotBeChangedAndDatesAreInstants() {
		List<Object> groups = new ArrayList<>(List.of("admin"));
		Map<String, Object> address = new HashMap<>(Map.of("country", "IE"));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("cognito:groups", groups);
		claims.put("address", address);
		claims.put("exp", Date.from(Instant.parse("2026-12-02T10:00:00Z")));
		claims.put("roles", Set.of("a"));
		claims.put("nickname", null);
		Map<String, Object> frozen = FrozenClaims.of(claims);
		assertThat(frozen).containsKeys("cognito:groups", "address", "exp", "roles", "nickname")
			.containsEntry("exp", Instant.parse("2026-12-02T10:00:00Z"))
			.containsEntry("nickname", null);
		assertThat(frozen.keySet()).containsExactly("cognito:groups", "address", "exp", "roles", "nickname");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((List<Object>) frozen.get("cognito:groups")).add("root"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((Map<String, Object>) frozen.get("address")).put("country", "XX"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((Set<Object>) frozen.get("roles")).add("b"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.put("sub", "x"));
		groups.add("root");
		address.put("country", "XX");
		assertThat(frozen.get("cognito:groups")).asList().containsExactly("admin");
		assertThat(frozen.get("address")).isEqualTo(Map.of("country", "IE"));
		assertThat(frozen.get("roles")).isEqualTo(Set.of("a"));
	}

	@Test
	void frozenClaimsAreNotCopiedAgain() {
		Map<String, Object> frozen = FrozenClaims.of(Map.of("sub", "alice", "groups", List.of("admin")));
		assertThat(FrozenClaims.of(frozen)).isSameAs(frozen);
		assertThat(new AwsPrincipal("alice", Mechanism.ALB, frozen, List.of()).attributes()).isSameAs(frozen);
		assertThat(frozen).isEqualTo(Map.of("sub", "alice", "groups", List.of("admin")));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> frozen.remove("sub"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> frozen.entrySet().iterator().next().setValue("bob"));
	}

	@Test
	void principalsAttributesAreFrozen() {
		List<Object> groups = new ArrayList<>(List.of("admin"));
		AwsPrincipal principal = new AwsPrincipal("alice", Mechanism.ALB, Map.of("groups", groups), List.of());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((List<Object>) principal.attributes().get("groups")).add("root"));
		groups.add("root");
		assertThat(principal.attributes().get("groups")).asList().containsExactly("admin");
	}

}
