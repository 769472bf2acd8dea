package io.github.awsauth.test;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.awsauth.core.AwsPrincipal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that uses the starter, as a user's would: who the caller is, and a page for
 * admins only.
 */
@SpringBootApplication
public class TestSupportApplication {

	@RestController
	static class CallerController {

		@GetMapping("/me")
		Map<String, Object> me(Authentication authentication) {
			AwsPrincipal principal = (AwsPrincipal) authentication.getPrincipal();
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", principal.getName());
			me.put("mechanism", principal.mechanism().id());
			me.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
			me.put("attributes", principal.attributes());
			me.put("authentication", authentication.getClass().getSimpleName());
			return me;
		}

		@GetMapping("/admin")
		@PreAuthorize("hasRole('admin')")
		String admin() {
			return "admin";
		}

	}

}
