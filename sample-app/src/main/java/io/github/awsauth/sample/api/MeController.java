package io.github.awsauth.sample.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.awsauth.core.AwsPrincipal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is calling, whatever mechanism authenticated them; and an endpoint for admins only.
 */
@RestController
class MeController {

	@GetMapping("/api/me")
	Map<String, Object> me(@AuthenticationPrincipal AwsPrincipal caller) {
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("name", caller.getName());
		me.put("mechanism", caller.mechanism().id());
		me.put("authorities", caller.authorities().stream().map(GrantedAuthority::getAuthority).toList());
		me.put("attributes", caller.attributes());
		return me;
	}

	@GetMapping("/api/admin")
	@PreAuthorize("hasRole('admin')")
	Map<String, String> admin(@AuthenticationPrincipal AwsPrincipal caller) {
		return Map.of("message", "Hello admin " + caller.getName());
	}

}
