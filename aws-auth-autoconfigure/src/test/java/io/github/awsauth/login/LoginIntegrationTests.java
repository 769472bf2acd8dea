package io.github.awsauth.login;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser sign-in against identity providers on loopback: a generic OIDC provider found by
 * discovery (with RP-initiated logout) and a Cognito user pool through the {@code aws.auth.cognito}
 * shortcut (hosted-UI logout). The browser is an HTTP client that keeps cookies and does not follow
 * redirects, so each hop is asserted.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginIntegrationTests {

	static final WireMockServer idp = new WireMockServer(options().dynamicPort());

	static final String oidc;

	static final String pool;

	static final String domain;

	static final TestTokens oidcKeys;

	static final TestTokens poolKeys;

	static {
		idp.start();
		String base = "http://localhost:" + idp.port();
		oidc = base + "/oidc";
		pool = base + "/eu-west-1_Local";
		domain = base + "/hosted-ui";
		oidcKeys = new TestTokens(oidc);
		poolKeys = new TestTokens(pool);
		idp.stubFor(get("/oidc/.well-known/openid-configuration").willReturn(okJson("""
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
				 "jwks_uri":"%1$s/jwks","end_session_endpoint":"%1$s/logout","response_types_supported":["code"],
				 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
			.formatted(oidc))));
		idp.stubFor(get("/oidc/jwks").willReturn(okJson(oidcKeys.jwks())));
		idp.stubFor(get("/eu-west-1_Local/.well-known/jwks.json").willReturn(okJson(poolKeys.jwks())));
	}

	@LocalServerPort
	int port;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.login.enabled", () -> "true");
		registry.add("spring.security.oauth2.client.registration.corp.client-id", () -> "web-app");
		registry.add("spring.security.oauth2.client.registration.corp.client-secret", () -> "web-secret");
		registry.add("spring.security.oauth2.client.registration.corp.scope", () -> "openid");
		registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", () -> oidc);
		registry.add("aws.auth.cognito.user-pool-id", () -> "eu-west-1_Local");
		registry.add("aws.auth.cognito.client-id", () -> "pool-client");
		registry.add("aws.auth.cognito.issuer-uri", () -> pool);
		registry.add("aws.auth.cognito.domain", () -> domain);
		registry.add("aws.auth.sigv4.enabled", () -> "true");
		registry.add("aws.auth.sigv4.service", () -> "execute-api");
		registry.add("aws.auth.sigv4.region", () -> "eu-west-1");
		registry.add("aws.auth.sigv4.keys[0].access-key-id", () -> "AKIDPARTNER");
		registry.add("aws.auth.sigv4.keys[0].secret-access-key", () -> "secret");
		registry.add("aws.auth.sigv4.keys[0].principal", () -> "partner");
	}

	@AfterAll
	static void stopIdp() {
		idp.stop();
	}

	@Test
	void pageWithoutSessionRedirectsToLoginButApiCallsGet401() throws Exception {
		HttpResponse<String> page = send(request("/dashboard").header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		for (HttpRequest.Builder api : List.of(request("/api/me"), request("/dashboard").header("Accept", "application/json"),
				request("/dashboard").header("X-Requested-With", "XMLHttpRequest"))) {
			HttpResponse<String> response = send(api);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("\"status\":401");
		}
	}

	@Test
	void oidcLoginMakesAnAwsPrincipalAndLogoutEndsTheProviderSession() throws Exception {
		UriComponents authorize = startLogin("corp");
		assertThat(authorize.toUriString()).startsWith(oidc + "/authorize");
		assertThat(authorize.getQueryParams().getFirst("client_id")).isEqualTo("web-app");
		assertThat(authorize.getQueryParams().getFirst("redirect_uri"))
			.isEqualTo("http://localhost:" + this.port + "/login/oauth2/code/corp");
		String idToken = oidcKeys.sign(new JWTClaimsSet.Builder().issuer(oidc)
			.subject("u-1")
			.audience("web-app")
			.claim("cognito:username", "alice")
			.claim("cognito:groups", List.of("admin"))
			.claim("nonce", authorize.getQueryParams().getFirst("nonce"))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300))));
		idp.stubFor(post("/oidc/token").willReturn(okJson(tokenResponse(idToken))));
		finishLogin("corp", authorize);

		HttpResponse<String> me = send(request("/api/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"login\"", "\"ROLE_admin\"",
				"\"SCOPE_openid\"");
		assertThat(send(request("/api/admin")).statusCode()).isEqualTo(200);

		HttpResponse<String> logout = logout();
		assertThat(logout.statusCode()).isEqualTo(302);
		UriComponents endSession = UriComponentsBuilder.fromUriString(logout.headers().firstValue("Location").get())
			.build();
		assertThat(endSession.toUriString()).startsWith(oidc + "/logout");
		assertThat(endSession.getQueryParams().getFirst("id_token_hint")).isEqualTo(idToken);
		assertThat(endSession.getQueryParams().getFirst("post_logout_redirect_uri"))
			.isEqualTo("http://localhost:" + this.port + "/");
		assertThat(send(request("/api/me")).statusCode()).isEqualTo(401);
	}

	@Test
	void cognitoShortcutSignsInWithPkceAndSignsOutAtTheHostedUi() throws Exception {
		UriComponents authorize = startLogin("cognito");
		assertThat(authorize.toUriString()).startsWith(domain + "/oauth2/authorize");
		assertThat(authorize.getQueryParams().getFirst("client_id")).isEqualTo("pool-client");
		assertThat(authorize.getQueryParams().getFirst("scope")).isEqualTo("openid%20email%20profile");
		assertThat(authorize.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
		String idToken = poolKeys.sign(new JWTClaimsSet.Builder().issuer(pool)
			.subject("u-2")
			.audience("pool-client")
			.claim("token_use", "id")
			.claim("cognito:username", "bob")
			.claim("nonce", authorize.getQueryParams().getFirst("nonce"))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300))));
		idp.stubFor(post("/hosted-ui/oauth2/token").willReturn(okJson(tokenResponse(idToken))));
		idp.stubFor(get("/hosted-ui/oauth2/userInfo")
			.willReturn(okJson("{\"sub\":\"u-2\",\"email\":\"bob@example.com\",\"username\":\"bob\"}")));
		finishLogin("cognito", authorize);

		HttpResponse<String> me = send(request("/api/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"bob\"", "\"mechanism\":\"login\"", "bob@example.com")
			.doesNotContain("ROLE_");
		assertThat(send(request("/api/admin")).statusCode()).isEqualTo(403);

		HttpResponse<String> logout = logout();
		assertThat(logout.headers().firstValue("Location")).hasValue(domain + "/logout?client_id=pool-client"
				+ "&logout_uri=http://localhost:" + this.port + "/");
	}

	@Test
	void anonymousApiCallCreatesNoSession() throws Exception {
		HttpResponse<String> response = send(request("/api/me"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void unreadableBearerTokenIsRefusedEvenWithASession() throws Exception {
		signIn("alice");
		HttpResponse<String> response = send(request("/api/me").header("Authorization", "Bearer not-a-jwt"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("alice");
	}

	@Test
	void validBearerTokenWinsOverTheSession() throws Exception {
		signIn("alice");
		String bob = poolKeys.sign((claims) -> claims.claim("client_id", "pool-client").claim("username", "bob"));
		HttpResponse<String> response = send(request("/api/me").header("Authorization", "Bearer " + bob));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"bob\"", "\"mechanism\":\"jwt\"");
		assertThat(send(request("/api/me")).body()).as("the session is still alice's").contains("\"name\":\"alice\"");
	}

	@Test
	void headerNoMechanismReadsDoesNotSkipCsrfForTheSession() throws Exception {
		signIn("alice");
		HttpResponse<String> forged = send(request("/api/echo").header("Authorization", "Basic Ym9iOmJvYg==")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("pay mallory")));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).doesNotContain("pay mallory");
	}

	@Test
	void aCredentialInTheQueryDoesNotSkipCsrfForTheSession() throws Exception {
		signIn("alice");
		HttpResponse<String> forged = send(request("/logout?X-Amz-Algorithm=AWS4-HMAC-SHA256")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(send(request("/api/me")).body()).as("still signed in").contains("\"name\":\"alice\"");
	}

	@Test
	void requestWithItsOwnCredentialNeedsNoCsrfToken() throws Exception {
		String bob = poolKeys.sign((claims) -> claims.claim("client_id", "pool-client").claim("username", "bob"));
		HttpResponse<String> response = send(request("/api/echo").header("Authorization", "Bearer " + bob)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello");
	}

	@Test
	void idTokenSignedByAnotherKeyIsRejected() throws Exception {
		UriComponents authorize = startLogin("corp");
		String forged = TestTokens.sign(new JWTClaimsSet.Builder().issuer(oidc)
			.subject("u-1")
			.audience("web-app")
			.claim("cognito:username", "mallory")
			.claim("nonce", authorize.getQueryParams().getFirst("nonce"))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300))),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"), oidcKeys.attacker);
		idp.stubFor(post("/oidc/token").willReturn(okJson(tokenResponse(forged))));
		HttpResponse<String> callback = send(request("/login/oauth2/code/corp?code=c&state="
				+ authorize.getQueryParams().getFirst("state")));
		assertThat(callback.statusCode()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location").get()).contains("/login?error");
		assertThat(send(request("/api/me")).statusCode()).isEqualTo(401);
	}

	private void signIn(String username) throws Exception {
		UriComponents authorize = startLogin("corp");
		String idToken = oidcKeys.sign(new JWTClaimsSet.Builder().issuer(oidc)
			.subject("u-" + username)
			.audience("web-app")
			.claim("cognito:username", username)
			.claim("nonce", authorize.getQueryParams().getFirst("nonce"))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300))));
		idp.stubFor(post("/oidc/token").willReturn(okJson(tokenResponse(idToken))));
		finishLogin("corp", authorize);
		assertThat(send(request("/api/me")).body()).contains("\"name\":\"" + username + "\"");
	}

	private UriComponents startLogin(String registration) throws Exception {
		HttpResponse<String> start = send(request("/oauth2/authorization/" + registration));
		assertThat(start.statusCode()).isEqualTo(302);
		return UriComponentsBuilder.fromUriString(start.headers().firstValue("Location").get()).build();
	}

	private void finishLogin(String registration, UriComponents authorize) throws Exception {
		HttpResponse<String> callback = send(request("/login/oauth2/code/" + registration + "?code=the-code&state="
				+ authorize.getQueryParams().getFirst("state")));
		assertThat(callback.statusCode()).as(callback.headers().map().toString()).isEqualTo(302);
		assertThat(callback.headers().firstValue("Location").get()).doesNotContain("error");
	}

	private HttpResponse<String> logout() throws Exception {
		Map<String, String> csrf = new tools.jackson.databind.json.JsonMapper()
			.readValue(send(request("/csrf")).body(), new tools.jackson.core.type.TypeReference<Map<String, String>>() {
			});
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/logout"))
			.header(csrf.get("header"), csrf.get("token"))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static String tokenResponse(String idToken) {
		return "{\"access_token\":\"opaque-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
				+ "\"scope\":\"openid\",\"id_token\":\"" + idToken + "\"}";
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
