package io.github.awsauth.jwt;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.testapp.Encoding;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer JWTs over real HTTP, against issuers served on loopback: a Cognito-shaped user pool
 * (JWKS at the Cognito path) and a generic OIDC issuer (JWKS found by discovery).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.max-http-request-header-size=128KB", "logging.level.io.github.awsauth=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthenticationIntegrationTests {

	static final WireMockServer idp = new WireMockServer(options().dynamicPort());

	static final String POOL_PATH = "/eu-west-1_TestPool";

	static final String POOL_JWKS = POOL_PATH + "/.well-known/jwks.json";

	static final String pool;

	static final String oidc;

	static final String unconfigured;

	static final TestTokens tokens;

	static final TestTokens oidcTokens;

	static final TestTokens unconfiguredTokens;

	static {
		idp.start();
		String base = "http://localhost:" + idp.port();
		pool = base + POOL_PATH;
		oidc = base + "/oidc";
		unconfigured = base + "/unconfigured";
		tokens = new TestTokens(pool);
		oidcTokens = new TestTokens(oidc);
		unconfiguredTokens = new TestTokens(unconfigured);
		idp.stubFor(get(POOL_JWKS).willReturn(okJson(tokens.jwks())));
		idp.stubFor(get("/oidc/.well-known/openid-configuration")
			.willReturn(okJson("{\"issuer\":\"" + oidc + "\",\"jwks_uri\":\"" + oidc + "/keys\"}")));
		idp.stubFor(get("/oidc/keys").willReturn(okJson(oidcTokens.jwks())));
		idp.stubFor(get(urlPathMatching("/unconfigured/.*")).willReturn(okJson(unconfiguredTokens.jwks())));
		idp.stubFor(get(urlPathMatching("/attacker/.*")).willReturn(okJson(new JWKSet(tokens.attacker).toString())));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuers(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.jwt.issuers[0].issuer-uri", () -> pool);
		registry.add("aws.auth.jwt.issuers[0].audiences", () -> "app-client");
		registry.add("aws.auth.jwt.issuers[0].cognito", () -> "true");
		registry.add("aws.auth.jwt.issuers[1].issuer-uri", () -> oidc);
		registry.add("aws.auth.jwt.issuers[1].audiences", () -> "web-app");
		registry.add("aws.auth.authorization.public-paths", () -> "/public/**");
		registry.add("aws.auth.authorization.routes[0].pattern", () -> "/api/orders/**");
		registry.add("aws.auth.authorization.routes[0].methods", () -> "GET");
		registry.add("aws.auth.authorization.routes[0].any-of", () -> "SCOPE_orders.read");
	}

	@AfterAll
	static void stopIdp() {
		idp.stop();
	}

	@Test
	void cognitoAccessTokenBecomesPrincipalWithGroupsAndScopes() {
		HttpResponse<String> response = Http.bearer(this.port, "/api/me", tokens.sign(tokens.accessClaims()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"jwt\"", "\"ROLE_admin\"",
				"\"ROLE_ops\"", "\"SCOPE_orders.read\"", "\"SCOPE_orders.write\"", "\"client_id\":\"app-client\"");
	}

	@Test
	void tokenOfAnUntrustedIssuerIsLoggedAtDebugWithItsIssAndNeverTheToken(CapturedOutput output) {
		String token = new TestTokens(pool + "/").sign(new TestTokens(pool + "/").accessClaims());
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(401);
		assertThat(output.getAll()).contains("Refused a token of issuer '" + pool + "/'",
				"differs from a trusted issuer only by a trailing slash", "trusted issuers: [");
		LogAssertions.assertNotLogged(output, token);
	}

	@Test
	void machineTokenWithoutUsernameIsNamedBySubject() {
		String token = tokens.sign((claims) -> claims.subject("app-client")
			.claim("username", null)
			.claim("cognito:groups", null)
			.claim("scope", "orders.read"));
		HttpResponse<String> response = Http.bearer(this.port, "/api/me", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"app-client\"", "\"authorities\":[\"SCOPE_orders.read\"]");
	}

	@Test
	void ecAndRsaPssSignaturesAreAccepted() {
		String es256 = TestTokens.sign(tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(tokens.ec.getKeyID()), tokens.ec);
		String ps256 = TestTokens.sign(tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(tokens.rsa.getKeyID()), tokens.rsa);
		assertThat(Http.bearer(this.port, "/api/me", es256).statusCode()).isEqualTo(200);
		assertThat(Http.bearer(this.port, "/api/me", ps256).statusCode()).isEqualTo(200);
	}

	@Test
	void oidcIssuerFoundByDiscoveryChecksAudienceAndNamesBySubject() {
		String token = oidcTokens.sign(new JWTClaimsSet.Builder().issuer(oidc)
			.subject("user-42")
			.audience(List.of("other", "web-app"))
			.claim("scope", "profile")
			.expirationTime(Date.from(Instant.now().plusSeconds(60))));
		HttpResponse<String> response = Http.bearer(this.port, "/api/me", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"user-42\"", "\"SCOPE_profile\"");
	}

	@Test
	void tokenExpiredWithinClockSkewIsAccepted() {
		String token = tokens.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
			.expirationTime(Date.from(Instant.now().minusSeconds(30))));
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(200);
	}

	@Test
	void albHeadersAreIgnoredWhileTheAlbMechanismIsOff() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		java.net.http.HttpRequest forged = java.net.http.HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("x-amzn-oidc-data", tokens.sign(tokens.accessClaims()))
			.header("x-amzn-oidc-identity", "alice")
			.build();
		try {
			HttpResponse<String> ignored = java.net.http.HttpClient.newHttpClient()
				.send(forged, HttpResponse.BodyHandlers.ofString());
			assertThat(ignored.statusCode()).isEqualTo(401);
			assertThat(ignored.body()).contains("Authentication is required");
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void missingCredentialIsChallenged() {
		HttpResponse<String> response = Http.get(this.port, "/api/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.body()).contains("\"status\":401", "\"instance\":\"/api/me\"");
	}

	@Test
	void preAuthorizeDeniesCallerWithoutTheRole() {
		String bob = tokens.sign((claims) -> claims.claim("username", "bob").claim("cognito:groups", null));
		HttpResponse<String> response = Http.bearer(this.port, "/api/admin", bob);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
		assertThat(response.body()).contains("\"status\":403");
		assertThat(Http.bearer(this.port, "/api/admin", tokens.sign(tokens.accessClaims())).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aRouteRuleForGetGuardsHeadToo() {
		String noScope = tokens.sign((claims) -> claims.claim("scope", "profile"));
		HttpResponse<String> head = Http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/orders"))
			.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + noScope)
			.build());
		assertThat(head.statusCode()).isEqualTo(403);
	}

	@Test
	void routeRulesRequireTheirScopeAndPublicPathsNeedNoCredential() {
		String noScope = tokens.sign((claims) -> claims.claim("scope", "profile"));
		assertThat(Http.bearer(this.port, "/api/orders", noScope).statusCode()).isEqualTo(403);
		assertThat(Http.bearer(this.port, "/api/orders", tokens.sign(tokens.accessClaims())).statusCode())
			.isEqualTo(200);
		assertThat(Http.get(this.port, "/public/ping", null).statusCode()).isEqualTo(200);
	}

	@Test
	void floodOfUnknownKidsCausesAtMostOneKeySetFetch() throws Exception {
		assertThat(Http.bearer(this.port, "/api/me", tokens.sign(tokens.accessClaims())).statusCode())
			.isEqualTo(200);
		int before = idp.countRequestsMatching(getRequestedFor(urlEqualTo(POOL_JWKS)).build()).getCount();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String token = TestTokens.sign(tokens.accessClaims(),
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-" + i), tokens.attacker);
			statuses.add(pool.submit(() -> Http.bearer(this.port, "/api/me", token).statusCode()));
		}
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(401);
		}
		pool.shutdown();
		int after = idp.countRequestsMatching(getRequestedFor(urlEqualTo(POOL_JWKS)).build()).getCount();
		assertThat(after - before).isLessThanOrEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileTokens")
	void hostileTokenIsRejectedWith401(Supplier<String> authorization, String expectedDescription,
			CapturedOutput output) {
		String header = authorization.get();
		HttpResponse<String> response = Http.get(this.port, "/api/me", header);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((challenge) -> {
			assertThat(challenge).startsWith("Bearer error=\"invalid_token\", error_description=\"");
			assertThat(challenge).contains(expectedDescription);
		});
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(response.body()).contains("\"status\":401", expectedDescription)
			.doesNotContain("Exception", "nimbus", "at org.", "at io.", "localhost:" + idp.port());
		String token = header.substring("Bearer ".length());
		if (token.length() > 40) {
			assertThat(output.getAll()).doesNotContain(token.substring(token.length() - 40));
		}
		assertThat(idp.countRequestsMatching(getRequestedFor(urlPathMatching("/(attacker|unconfigured)/.*")).build())
			.getCount()).isZero();
	}

	static Stream<Arguments> hostileTokens() {
		String valid = tokens.sign(tokens.accessClaims());
		String[] parts = valid.split("\\.");
		return Stream.of(
				hostile("alg none", () -> unsigned(tokens.accessClaims()), "Unsigned"),
				hostile("HS256 signed with the issuer's RSA public key", JwtAuthenticationIntegrationTests::hmacWithPublicKey,
						"No signing key"),
				hostile("right kid, another key", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"), tokens.attacker), "Invalid signature"),
				hostile("unknown kid", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rotated-away"), tokens.rsa), "No signing key"),
				hostile("kid path traversal", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../../etc/passwd"), tokens.rsa),
						"No signing key"),
				hostile("jku header to an attacker key set", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
							.jwkURL(URI.create("http://localhost:" + idp.port() + "/attacker/jwks")),
						tokens.attacker), "Invalid signature"),
				hostile("x5u header to an attacker certificate", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
							.x509CertURL(URI.create("http://localhost:" + idp.port() + "/attacker/cert")),
						tokens.attacker), "Invalid signature"),
				hostile("embedded jwk header", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").jwk(tokens.attacker.toPublicJWK()),
						tokens.attacker), "No signing key"),
				hostile("ES256 header with the kid of an RSA key", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rsa-1"), TestTokens.generateEc("x")),
						"No signing key"),
				hostile("RS256 header with the kid of an EC key", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ec-1"), tokens.attacker), "No signing key"),
				hostile("key of another trusted issuer", () -> TestTokens.sign(
						new JWTClaimsSet.Builder().issuer(oidc).subject("x").audience("web-app")
							.expirationTime(Date.from(Instant.now().plusSeconds(60))),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"), tokens.rsa), "Invalid signature"),
				hostile("expired", () -> tokens.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
					.expirationTime(Date.from(Instant.now().minusSeconds(300)))), "expired"),
				hostile("not yet valid", () -> tokens.sign((claims) -> claims.notBeforeTime(
						Date.from(Instant.now().plusSeconds(300)))), "before"),
				hostile("no exp", () -> tokens.sign((claims) -> claims.expirationTime(null)), "exp"),
				hostile("exp not a number", () -> tokens.sign((claims) -> claims.claim("exp", "tomorrow")),
						"Malformed token"),
				hostile("issuer not trusted", () -> tokens.sign((claims) -> claims.issuer("https://evil.example.com/pool")),
						"Token issuer is not trusted"),
				hostile("issuer served on loopback but not configured", () -> unconfiguredTokens.sign(
						unconfiguredTokens.accessClaims()), "Token issuer is not trusted"),
				hostile("no issuer", () -> tokens.sign((claims) -> claims.issuer(null)), "Token issuer is not trusted"),
				hostile("wrong client_id", () -> tokens.sign((claims) -> claims.claim("client_id", "other-client")),
						"audience"),
				hostile("wrong aud at an OIDC issuer", () -> oidcTokens.sign(new JWTClaimsSet.Builder().issuer(oidc)
					.subject("x").audience("someone-else").expirationTime(Date.from(Instant.now().plusSeconds(60)))),
						"audience"),
				hostile("id token where access tokens are expected", () -> tokens.sign((claims) -> claims
					.claim("token_use", "id").audience("app-client")), "Token use 'id' is not accepted"),
				hostile("no token_use", () -> tokens.sign((claims) -> claims.claim("token_use", null)),
						"token_use"),
				hostile("logout token typ", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(new JOSEObjectType("logout+jwt")),
						tokens.rsa), "typ"),
				hostile("payload tampered after signing", () -> parts[0] + "." + b64(tokens.accessClaims()
					.claim("username", "root").build().toString()) + "." + parts[2], "Invalid signature"),
				hostile("truncated signature", () -> valid.substring(0, valid.length() - 12), "Invalid signature"),
				hostile("empty signature", () -> parts[0] + "." + parts[1] + ".", "Malformed token"),
				hostile("bad base64", () -> "!!!." + parts[1] + "." + parts[2], "alformed"),
				hostile("header not JSON", () -> b64("not json") + "." + parts[1] + "." + parts[2], "Malformed token"),
				hostile("payload not JSON", () -> parts[0] + "." + b64("[1,2") + "." + parts[2], "Malformed token"),
				hostile("two segments", () -> parts[0] + "." + parts[1], "Malformed token"),
				hostile("four segments", () -> valid + ".AAAA", "Malformed token"),
				hostile("deeply nested payload", () -> parts[0] + "." + b64("{\"a\":" + "[".repeat(5000)
						+ "]".repeat(5000) + "}") + "." + parts[2], "Malformed token"),
				hostile("64 KiB token", () -> tokens.sign((claims) -> claims.claim("pad", "x".repeat(64 * 1024))),
						"larger than"),
				hostile("unknown crit header", () -> TestTokens.sign(tokens.accessClaims(),
						new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").customParam("x-must", true)
							.criticalParams(Set.of("x-must")), tokens.rsa), "Invalid signature"),
				Arguments.of(Named.of("empty bearer", (Supplier<String>) () -> "Bearer "), "malformed"),
				Arguments.of(Named.of("not base64url characters", (Supplier<String>) () -> "Bearer a%b.c{d}.e"),
						"malformed"));
	}

	private static Arguments hostile(String name, Supplier<String> token, String description) {
		return Arguments.of(Named.of(name, (Supplier<String>) () -> "Bearer " + token.get()), description);
	}

	private static String b64(String json) {
		return Encoding.base64Url(json);
	}

	private static String unsigned(JWTClaimsSet.Builder claims) {
		return b64("{\"alg\":\"none\"}") + "." + b64(claims.build().toString()) + ".";
	}

	private static String hmacWithPublicKey() {
		try {
			RSAKey publicKey = tokens.rsa.toPublicJWK();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
					tokens.accessClaims().build());
			jwt.sign(new MACSigner(Base64.getEncoder().encode(publicKey.toRSAPublicKey().getEncoded())));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
