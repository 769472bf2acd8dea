package io.github.awsauth.alb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import io.github.awsauth.jwt.TestTokens;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users behind an Application Load Balancer, with headers built exactly as ALB builds them (every
 * segment base64url with '=' padding, the signature in raw r||s over the padded segments) and the
 * public keys served as PEM on loopback.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1",
				"aws.auth.alb.client-ids=app-client", "aws.auth.alb.issuer=https://idp.example.com",
				"aws.auth.alb.logout-url=https://idp.example.com/logout",
				"aws.auth.alb.signer-arns=" + AlbIntegrationTests.SIGNER, "server.max-http-request-header-size=64KB",
				"aws.auth.alb.max-new-key-fetches=1000",
				"logging.level.io.github.awsauth=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class AlbIntegrationTests {

	static final String SIGNER = AlbTokens.SIGNER;

	static final WireMockServer keyServer = new WireMockServer(options().dynamicPort());

	static final ECKey albKey = generate();

	static final ECKey otherKey = generate();

	static final String kid = UUID.randomUUID().toString();

	private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static {
		keyServer.start();
		keyServer.stubFor(get("/" + kid).willReturn(ok(pem(albKey))));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.alb.public-key-uri", () -> "http://localhost:" + keyServer.port() + "/{kid}");
	}

	@AfterAll
	static void stop() {
		keyServer.stop();
	}

	@Test
	void signedHeaderBecomesThePrincipal() throws Exception {
		HttpResponse<String> me = call(token((h) -> {
		}, (c) -> c.put("cognito:groups", List.of("admin"))));
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("\"name\":\"9f3c-alice\"", "\"mechanism\":\"alb\"", "\"ROLE_admin\"",
				"\"email\":\"alice@example.com\"");
	}

	@Test
	void theSignatureIsCheckedOverTheSegmentsAsSent() throws Exception {
		assertThat(call(token((h) -> {
		}, (c) -> {
		}, albKey, true, false)).statusCode()).as("padded, as ALB signs").isEqualTo(200);
		assertThat(call(token((h) -> {
		}, (c) -> {
		}, albKey, false, false)).statusCode()).as("unpadded, signed as sent").isEqualTo(200);
	}

	@Test
	void keysAreCachedAndSurviveAKeyServerOutage() throws Exception {
		ECKey rotated = generate();
		String rotatedKid = UUID.randomUUID().toString();
		var stub = keyServer.stubFor(get("/" + rotatedKid).willReturn(ok(pem(rotated))));
		String token = AlbTokens.token(rotatedKid, rotated, (h) -> {
		}, (c) -> {
		}, false);
		assertThat(call(token).statusCode()).isEqualTo(200);
		keyServer.removeStub(stub);
		assertThat(call(token).statusCode()).as("cached key while the key server has lost it").isEqualTo(200);
		assertThat(fetches("/" + rotatedKid)).isEqualTo(1);
	}

	@Test
	void unknownKidIsFetchedAtMostOncePerCooldown() throws Exception {
		String unknown = UUID.randomUUID().toString();
		for (int i = 0; i < 20; i++) {
			assertThat(call(token((h) -> h.put("kid", unknown), (c) -> {
			})).statusCode()).isEqualTo(401);
		}
		assertThat(fetches("/" + unknown)).isEqualTo(1);
	}

	@Test
	void refusedTokenWithANewKidCostsNoFetch() throws Exception {
		int before = allFetches();
		String madeUp = UUID.randomUUID().toString();
		List<HttpResponse<String>> refused = List.of(
				call(token((h) -> h.put("kid", madeUp), (c) -> c.put("exp", Instant.now().minusSeconds(600).getEpochSecond()))),
				call(token((h) -> {
					h.put("kid", madeUp);
					h.put("signer", SIGNER.replace("web", "evil"));
				}, (c) -> {
				})), call(token((h) -> h.put("kid", madeUp), (c) -> c.put("iss", "https://evil.example.com"))),
				call(token((h) -> {
					h.put("kid", madeUp);
					h.put("client", "other");
				}, (c) -> {
				})));
		assertThat(refused).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(401));
		assertThat(allFetches() - before).isZero();
	}

	@Test
	void keyEndpointFailingIsA503AndAnUnknownKeyA401() throws Exception {
		String failing = UUID.randomUUID().toString();
		keyServer.stubFor(get("/" + failing).willReturn(aResponse().withStatus(500)));
		HttpResponse<String> down = call(token((h) -> h.put("kid", failing), (c) -> {
		}));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		for (var answer : List.of(aResponse().withStatus(404), ok("x".repeat(5000)), ok(pem(p384())),
				ok("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----"))) {
			String odd = UUID.randomUUID().toString();
			keyServer.stubFor(get("/" + odd).willReturn(answer));
			HttpResponse<String> response = call(token((h) -> h.put("kid", odd), (c) -> {
			}));
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("signing key is not available");
		}
	}

	@Test
	void logoutExpiresEveryAlbCookieShardAndGoesToTheIdp() throws Exception {
		HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port
				+ "/logout")).header("x-amzn-oidc-data", token((h) -> {
				}, (c) -> {
				})).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue("https://idp.example.com/logout");
		assertThat(logout.headers().allValues("Set-Cookie")).anySatisfy((c) -> assertThat(c)
			.startsWith("AWSELBAuthSessionCookie=;").contains("Expires=Thu, 01 Jan 1970"))
			.anySatisfy((c) -> assertThat(c).startsWith("AWSELBAuthSessionCookie-0=;"))
			.anySatisfy((c) -> assertThat(c).startsWith("AWSELBAuthSessionCookie-3=;"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileHeaders")
	void hostileHeaderIsRejected(Function<AlbIntegrationTests, String> header, String detail, CapturedOutput output)
			throws Exception {
		String hostile = header.apply(this);
		HttpResponse<String> response = call(hostile);
		LogAssertions.assertNotLogged(output, hostile);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401", detail).doesNotContain("Exception", "at io.");
		assertThat(fetches("/not-a-uuid")).isZero();
	}

	static Stream<Arguments> hostileHeaders() {
		return Stream.of(
				hostile("another load balancer", (t) -> t.token((h) -> h.put("signer", SIGNER.replace("web", "evil")),
						(c) -> {
						}), "not signed by a configured load balancer"),
				hostile("no signer", (t) -> t.token((h) -> h.remove("signer"), (c) -> {
				}), "not signed by a configured load balancer"),
				hostile("another key with the right kid", (t) -> t.token((h) -> {
				}, (c) -> {
				}, otherKey, true, false), "signature does not match"),
				hostile("padding stripped", (t) -> t.token((h) -> {
				}, (c) -> {
				}).replace("=", ""), "signature does not match"),
				hostile("expired", (t) -> t.token((h) -> h.put("exp", Instant.now().minusSeconds(600).getEpochSecond()),
						(c) -> c.put("exp", Instant.now().minusSeconds(600).getEpochSecond())), "expired"),
				hostile("no exp", (t) -> t.token((h) -> h.remove("exp"), (c) -> c.remove("exp")), "no expiry"),
				hostile("exp beyond any instant", (t) -> t.token((h) -> h.put("exp", 1e300), (c) -> {
				}), "exp is not a time"),
				hostile("exp of Long.MAX_VALUE", (t) -> t.token((h) -> h.put("exp", Long.MAX_VALUE), (c) -> c.remove("exp")),
						"exp is not a time"),
				hostile("header exp in the past, payload exp in the future", (t) -> t.token(
						(h) -> h.put("exp", Instant.now().minusSeconds(600).getEpochSecond()), (c) -> {
						}), "expired"),
				hostile("kid not a UUID (no fetch)", (t) -> t.token((h) -> h.put("kid", "not-a-uuid"), (c) -> {
				}), "not a key id"),
				hostile("alg none", (t) -> b64(json(t.header((h) -> h.put("alg", "none")))) + "."
						+ b64(json(claims((c) -> {
						}))) + ".", "malformed"),
				hostile("HS256", (t) -> t.token((h) -> h.put("alg", "HS256"), (c) -> {
				}), "only ES256"),
				hostile("RS256", (t) -> t.token((h) -> h.put("alg", "RS256"), (c) -> {
				}), "only ES256"),
				hostile("DER-encoded signature", (t) -> t.token((h) -> {
				}, (c) -> {
				}, albKey, true, true), "signature does not match"),
				hostile("another client", (t) -> t.token((h) -> h.put("client", "other-client"), (c) -> {
				}), "another client"),
				hostile("another issuer", (t) -> t.token((h) -> {
				}, (c) -> c.put("iss", "https://evil.example.com")), "another issuer"),
				hostile("not three parts", (t) -> "abc.def", "malformed"),
				hostile("bad base64", (t) -> "!!!.@@@.###", "malformed"),
				hostile("not JSON", (t) -> b64("nope") + "." + b64("nope") + "." + b64("nope"), "malformed"),
				hostile("huge", (t) -> "a".repeat(20_000), "too large"));
	}

	private static Arguments hostile(String name, Function<AlbIntegrationTests, String> header, String detail) {
		return Arguments.of(Named.of(name, header), detail);
	}

	String token(Consumer<Map<String, Object>> header, Consumer<Map<String, Object>> claims) {
		return AlbTokens.token(kid, albKey, header, claims, false);
	}

	String token(Consumer<Map<String, Object>> header, Consumer<Map<String, Object>> claims, ECKey key,
			boolean padded, boolean der) {
		return AlbTokens.token(kid, key, header, claims, padded, der);
	}

	Map<String, Object> header(Consumer<Map<String, Object>> edit) {
		return AlbTokens.header(kid, edit);
	}

	static Map<String, Object> claims(Consumer<Map<String, Object>> edit) {
		return AlbTokens.claims(edit);
	}

	private HttpResponse<String> call(String albHeader) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/me"))
			.header("x-amzn-oidc-data", albHeader)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int allFetches() {
		return keyServer.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
				com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).build()).getCount();
	}

	private static ECKey p384() {
		try {
			return new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384).generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int fetches(String path) {
		return keyServer.countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();
	}

	private static String json(Map<String, Object> map) {
		return AlbTokens.json(map);
	}

	private static String b64(String value) {
		return AlbTokens.b64(value);
	}

	private static String pem(ECKey key) {
		return AlbTokens.pem(key);
	}

	private static ECKey generate() {
		return TestTokens.generateEcKey();
	}

}
