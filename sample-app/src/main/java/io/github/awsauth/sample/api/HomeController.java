package io.github.awsauth.sample.api;

import java.util.stream.Collectors;

import io.github.awsauth.core.AwsPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The home page: a sign-in link, and once signed in the user's name, groups, a button that calls
 * the API with the session, and a sign-out button.
 */
@RestController
class HomeController {

	@GetMapping(path = "/", produces = "text/html")
	String home(@AuthenticationPrincipal @Nullable AwsPrincipal user, HttpServletRequest request) {
		if (user == null) {
			return page("""
					<p>You are not signed in.</p>
					<p><a id="sign-in" href="/oauth2/authorization/local">Sign in</a></p>""");
		}
		String groups = user.authorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.collect(Collectors.joining(", "));
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return page("""
				<p>Signed in as <strong id="name">%s</strong> (mechanism <span id="mechanism">%s</span>)</p>
				<p>Groups: <span id="groups">%s</span></p>
				<p><button id="call-api" onclick="callApi()">Call /api/me</button></p>
				<pre id="me"></pre>
				<form id="sign-out" method="post" action="/logout">
				  <input type="hidden" name="%s" value="%s">
				  <button type="submit">Sign out</button>
				</form>
				<script>
				  function callApi() {
				    fetch('/api/me', { headers: { Accept: 'application/json' } })
				      .then((response) => response.text())
				      .then((body) => { document.getElementById('me').textContent = body; });
				  }
				</script>""".formatted(HtmlUtils.htmlEscape(user.getName()), user.mechanism().id(),
				HtmlUtils.htmlEscape(groups.isEmpty() ? "none" : groups), csrf.getParameterName(), csrf.getToken()));
	}

	private static String page(String body) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>aws-auth sample</title></head>
				<body><h1>aws-auth sample</h1>
				%s
				</body></html>""".formatted(body);
	}

}
