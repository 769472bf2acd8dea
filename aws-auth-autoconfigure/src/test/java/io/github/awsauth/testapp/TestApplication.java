package io.github.awsauth.testapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest service a user would write: the starter, a controller and {@code @PreAuthorize}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

	@RestController
	static class Api {

		@GetMapping("/api/me")
		Map<String, Object> me(@AuthenticationPrincipal AwsPrincipal principal) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", principal.getName());
			body.put("mechanism", principal.mechanism().id());
			body.put("authorities", principal.authorities().stream().map(Object::toString).toList());
			body.put("attributes", principal.attributes());
			return body;
		}

		@GetMapping("/api/admin")
		@PreAuthorize("hasRole('admin')")
		String admin() {
			return "admin";
		}

		@GetMapping("/api/orders")
		String orders() {
			return "orders";
		}

		/** A resource per tenant, the caller's owner attribute deciding. */
		@GetMapping("/api/tenants/{tenant}/orders")
		@PreAuthorize("@awsAuth.isOwner(#tenant)")
		String tenantOrders(@PathVariable String tenant) {
			return "orders of " + tenant;
		}

		/** A resource per user, for policies that name the caller. */
		@GetMapping("/api/users/{user}/orders")
		String userOrders(@PathVariable String user) {
			return "orders of " + user;
		}

		/** A report, the caller's policies deciding an action of the application's own. */
		@GetMapping("/api/reports/{id}")
		@PreAuthorize("@awsAuth.allowed('reports:Read', 'report/' + #id)")
		String report(@PathVariable String id) {
			return "report " + id;
		}

		@GetMapping(path = "/dashboard", produces = "text/html")
		String dashboard(@AuthenticationPrincipal AwsPrincipal principal) {
			return "<p>Hello " + principal.getName() + "</p>";
		}

		@GetMapping("/csrf")
		Map<String, String> csrf(HttpServletRequest request) {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			return (token != null) ? Map.of("header", token.getHeaderName(), "token", token.getToken()) : Map.of();
		}

		@PostMapping("/api/echo")
		String echo(@RequestBody String body) {
			return body;
		}

		/** Form parameters as the controller binds them, whatever the method. */
		@RequestMapping(path = "/api/form", method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
				RequestMethod.DELETE })
		Map<String, List<String>> form(@RequestParam MultiValueMap<String, String> parameters) {
			return new LinkedHashMap<>(parameters);
		}

		/** What {@code getParameter} returns. */
		@GetMapping("/api/param")
		String param(HttpServletRequest request) {
			return String.valueOf(request.getParameter("v"));
		}

		/** Opens an HTTP session, as an application may for its own reasons. */
		@GetMapping("/public/session")
		String session(HttpServletRequest request) {
			return request.getSession(true).getId();
		}

		@GetMapping("/public/ping")
		String ping() {
			return "pong";
		}

	}

}
