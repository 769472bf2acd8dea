package io.github.awsauth.authz;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.MapSharedCache;
import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified Permissions asked with the SDK's client, a fake answering as the API does and checking
 * the signature it is sent: the IsAuthorized request it receives is pinned (principal, parents,
 * attributes, action, resource), and allow, deny, throttling, errors, malformed answers, timeout,
 * down, the cache and IsAuthorizedWithToken.
 */
class VerifiedPermissionsAuthorizationManagerTests {

	static final FakeVerifiedPermissions fake = new FakeVerifiedPermissions();

	static final WireMockServer avp = new WireMockServer(options().dynamicPort().extensions(fake));

	static final String POOL = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";

	static {
		avp.start();
		avp.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeVerifiedPermissions.NAME)));
	}

	private final AwsAuthenticationToken alice = new AwsAuthenticationToken(new AwsPrincipal("alice", Mechanism.JWT,
			attributes(), List.of(new SimpleGrantedAuthority("ROLE_admin"), new SimpleGrantedAuthority("SCOPE_orders.read"))),
			null);

	@BeforeEach
	void reset() {
		fake.reset();
	}

	@AfterAll
	static void stop() {
		avp.stop();
	}

	@Test
	void sendsThePrincipalItsGroupsAndAttributesTheActionAndTheResource() throws Exception {
		assertThat(decide(manager(properties()), request("GET", "/api/orders/42"))).isTrue();
		assertThat(fake.received).hasSize(1);
		assertThat(fake.received.get(0).getKey()).isEqualTo("IsAuthorized");
		assertThat(fake.received.get(0).getValue()).isEqualTo(JSONObjectUtils.parse("""
				{"policyStoreId": "PSEXAMPLEabcdefg111111",
				 "principal": {"entityType": "App::User", "entityId": "eu-west-1_AbCdEf123|5f0e2b1c-alice"},
				 "action": {"actionType": "App::Action", "actionId": "GET /api/orders/42"},
				 "resource": {"entityType": "App::Endpoint", "entityId": "/api/orders/42"},
				 "entities": {"entityList": [{
				   "identifier": {"entityType": "App::User", "entityId": "eu-west-1_AbCdEf123|5f0e2b1c-alice"},
				   "attributes": {
				     "username": {"string": "alice"},
				     "iss": {"string": "%s"},
				     "sub": {"string": "5f0e2b1c-alice"},
				     "cognito:groups": {"set": [{"string": "admin"}]},
				     "email_verified": {"boolean": true},
				     "custom:level": {"long": 3},
				     "exp": {"long": 1796205600}},
				   "parents": [
				     {"entityType": "App::UserGroup", "entityId": "ROLE_admin"},
				     {"entityType": "App::UserGroup", "entityId": "SCOPE_orders.read"},
				     {"entityType": "App::UserGroup", "entityId": "eu-west-1_AbCdEf123|admin"}]}]},
				 "context": {"contextMap": {"name": {"string": "alice"}, "mechanism": {"string": "jwt"}}}}""".formatted(POOL)));
	}

	@Test
	void headIsJudgedAsTheGetThatServesIt() {
		decide(manager(properties()), request("HEAD", "/api/orders/42"));
		assertThat(fake.received.get(0).getValue().get("action"))
			.isEqualTo(Map.of("actionType", "App::Action", "actionId", "GET /api/orders/42"));
	}

	@Test
	void groupsOfAnIssuerThatOnlyLooksLikeAPoolAreNotCognitoGroups() {
		Map<String, Object> attributes = attributes();
		attributes.put("iss", "https://keycloak.example.com/realms/eu-west-1_AbCdEf123");
		AwsAuthenticationToken caller = new AwsAuthenticationToken(
				new AwsPrincipal("alice", Mechanism.JWT, attributes, List.of()), null);
		manager(properties()).authorize(() -> caller, new RequestAuthorizationContext(request("GET", "/a")));
		assertThat(fake.received.get(0).getValue().toString()).doesNotContain("eu-west-1_AbCdEf123|admin")
			.contains("https://keycloak.example.com/realms/eu-west-1_AbCdEf123|5f0e2b1c-alice");
	}

	@Test
	void pathHoldingATemplatePlaceholderStaysItsText() {
		AuthorizationProperties.VerifiedPermissions properties = properties();
		properties.setResourceId("{path}:{pattern}");
		decide(manager(properties), request("GET", "/api/{pattern}"));
		assertThat(fake.received.get(0).getValue().get("resource"))
			.isEqualTo(Map.of("entityType", "App::Endpoint", "entityId", "/api/{pattern}:/api/{pattern}"));
	}

	@Test
	void actionsMappedByPropertyAndTheResourceTemplate() {
		AuthorizationProperties.VerifiedPermissions properties = properties();
		properties.setActions(Map.of("DELETE /api/orders/42", "CancelOrder"));
		properties.setActionEntityType("Shop::Action");
		properties.setResourceEntityType("Shop::Order");
		properties.setResourceId("{method}:{path}");
		decide(manager(properties), request("DELETE", "/api/orders/42"));
		Map<String, Object> sent = fake.received.get(0).getValue();
		assertThat(sent.get("action")).isEqualTo(Map.of("actionType", "Shop::Action", "actionId", "CancelOrder"));
		assertThat(sent.get("resource")).isEqualTo(Map.of("entityType", "Shop::Order", "entityId", "DELETE:/api/orders/42"));
	}

	@Test
	void denyIsA403() {
		fake.decide = (request) -> "DENY";
		MockHttpServletRequest request = request("GET", "/api/orders/42");
		assertThat(decide(manager(properties()), request)).isFalse();
		assertThat(AccessDenials.reason(request)).isEqualTo(RemoteDecisionPoint.DENIED);
		assertThat(AccessDenials.unavailable(request)).isFalse();
	}

	@Test
	void throttlingErrorsAndNonsenseDenyOrAreUnavailable() {
		for (String failure : List.of("429 ThrottlingException", "500 InternalServerException",
				"400 ValidationException", "404 ResourceNotFoundException", "403 AccessDeniedException")) {
			fake.failWith = failure;
			assertFailure(failure);
		}
		fake.failWith = null;
		fake.garbage = "<html>gateway</html>";
		assertFailure("garbage");
	}

	@Test
	void slowOrDownVerifiedPermissionsIsUnavailable() throws Exception {
		fake.delayMillis = 2000;
		assertFailure("slow");
		fake.delayMillis = 0;
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		AuthorizationProperties.VerifiedPermissions properties = properties();
		properties.setFail(AuthorizationProperties.Fail.UNAVAILABLE);
		MockHttpServletRequest request = request("GET", "/a");
		assertThat(decide(manager(properties, URI.create("http://localhost:" + closed)), request)).isFalse();
		assertThat(AccessDenials.unavailable(request)).isTrue();
	}

	@Test
	void fakeRefusesARequestSignedWithAnotherSecret() {
		VerifiedPermissionsClient forged = VerifiedPermissionsClient.builder()
			.region(Region.EU_WEST_1)
			.endpointOverride(URI.create("http://localhost:" + avp.port()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(FakeVerifiedPermissions.ACCESS_KEY, "not-the-secret")))
			.build();
		assertThat(new VerifiedPermissionsAuthorizationManager(forged, properties())
			.authorize(() -> this.alice, new RequestAuthorizationContext(request("GET", "/a")))
			.isGranted()).isFalse();
		assertThat(fake.received).as("refused before it was read").isEmpty();
	}

	@Test
	void cachedDecisionIsNotAskedAgain() {
		VerifiedPermissionsAuthorizationManager manager = manager(properties());
		assertThat(decide(manager, request("GET", "/a"))).isTrue();
		assertThat(decide(manager, request("GET", "/a"))).isTrue();
		assertThat(decide(manager, request("GET", "/b"))).isTrue();
		assertThat(fake.received).hasSize(2);
		AuthorizationProperties.VerifiedPermissions uncached = properties();
		uncached.setCacheTtl(Duration.ZERO);
		VerifiedPermissionsAuthorizationManager always = manager(uncached);
		decide(always, request("GET", "/a"));
		decide(always, request("GET", "/a"));
		assertThat(fake.received).hasSize(4);
	}

	@Test
	void cognitoTokenIsSentAsItselfWithUseToken() {
		AuthorizationProperties.VerifiedPermissions properties = properties();
		properties.setUseToken(true);
		Jwt token = Jwt.withTokenValue("eyJ.access.token").header("alg", "RS256").claim("iss", POOL)
			.claim("token_use", "access").build();
		AwsAuthenticationToken caller = new AwsAuthenticationToken(this.alice.getPrincipal(), token);
		assertThat(manager(properties).authorize(() -> caller,
				new RequestAuthorizationContext(request("GET", "/api/orders/42"))).isGranted()).isTrue();
		assertThat(fake.received.get(0).getKey()).isEqualTo("IsAuthorizedWithToken");
		assertThat(fake.received.get(0).getValue()).containsEntry("accessToken", "eyJ.access.token")
			.doesNotContainKeys("principal", "entities", "identityToken");
		Jwt id = Jwt.withTokenValue("eyJ.id.token").header("alg", "RS256").claim("iss", POOL)
			.claim("token_use", "id").build();
		manager(properties).authorize(() -> new AwsAuthenticationToken(this.alice.getPrincipal(), id),
				new RequestAuthorizationContext(request("GET", "/api/orders/42")));
		assertThat(fake.received.get(1).getValue()).containsEntry("identityToken", "eyJ.id.token");
	}

	private void assertFailure(String what) {
		MockHttpServletRequest denied = request("GET", "/a");
		assertThat(decide(manager(properties()), denied)).as(what).isFalse();
		assertThat(AccessDenials.unavailable(denied)).as(what).isFalse();
		AuthorizationProperties.VerifiedPermissions unavailable = properties();
		unavailable.setFail(AuthorizationProperties.Fail.UNAVAILABLE);
		MockHttpServletRequest refused = request("GET", "/a");
		assertThat(decide(manager(unavailable), refused)).as(what).isFalse();
		assertThat(AccessDenials.unavailable(refused)).as(what).isTrue();
		assertThat(AccessDenials.reason(refused)).isEqualTo(RemoteDecisionPoint.UNAVAILABLE);
	}

	@Test
	void aDecisionOneInstanceGotServesTheOthersForTheSameQuestionOnly() {
		AuthorizationProperties.VerifiedPermissions properties = properties();
		properties.setCacheTtl(Duration.ofMinutes(1));
		MapSharedCache shared = new MapSharedCache();
		VerifiedPermissionsAuthorizationManager first = manager(properties);
		VerifiedPermissionsAuthorizationManager second = manager(properties);
		first.setSharedCache(shared);
		second.setSharedCache(shared);

		assertThat(decide(first, request("GET", "/api/orders/42"))).isTrue();
		assertThat(decide(second, request("GET", "/api/orders/42"))).isTrue();
		assertThat(fake.received).as("the second instance took the first one's decision").hasSize(1);
		decide(second, request("GET", "/api/orders/43"));
		assertThat(fake.received).as("another resource is another question").hasSize(2);
		assertThat(shared.values.keySet()).hasSize(2).allMatch((key) -> key.matches("avp:[0-9a-f]{64}"));
	}

	@Test
	void theSharedKeyCoversWhatTheSdkHidesFromToString() {
		VerifiedPermissionsAuthorizationManager manager = manager(properties());
		MockHttpServletRequest request = request("GET", "/api/orders/42");
		AwsAuthenticationToken bob = new AwsAuthenticationToken(new AwsPrincipal("bob", Mechanism.JWT, attributes(),
				this.alice.getAuthorities()), null);
		var forAlice = manager.question(this.alice, request);
		var forBob = manager.question(bob, request);
		assertThat(forAlice.toString()).as("the SDK redacts entity ids").isEqualTo(forBob.toString());
		assertThat(manager.sharedKey(forAlice)).isEqualTo(manager.sharedKey(manager.question(this.alice, request)))
			.isNotEqualTo(manager.sharedKey(forBob));
	}

	private boolean decide(VerifiedPermissionsAuthorizationManager manager, MockHttpServletRequest request) {
		return manager.authorize(() -> this.alice, new RequestAuthorizationContext(request)).isGranted();
	}

	private static AuthorizationProperties.VerifiedPermissions properties() {
		AuthorizationProperties.VerifiedPermissions properties = new AuthorizationProperties.VerifiedPermissions();
		properties.setPolicyStoreId("PSEXAMPLEabcdefg111111");
		return properties;
	}

	private static VerifiedPermissionsAuthorizationManager manager(AuthorizationProperties.VerifiedPermissions properties) {
		return manager(properties, URI.create("http://localhost:" + avp.port()));
	}

	private static VerifiedPermissionsAuthorizationManager manager(AuthorizationProperties.VerifiedPermissions properties,
			URI endpoint) {
		VerifiedPermissionsClient client = VerifiedPermissionsClient.builder()
			.region(Region.EU_WEST_1)
			.endpointOverride(endpoint)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(FakeVerifiedPermissions.ACCESS_KEY, FakeVerifiedPermissions.SECRET)))
			.overrideConfiguration((configuration) -> configuration.apiCallTimeout(Duration.ofMillis(500)))
			.build();
		return new VerifiedPermissionsAuthorizationManager(client, properties);
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

	private static Map<String, Object> attributes() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("username", "alice");
		attributes.put("iss", POOL);
		attributes.put("sub", "5f0e2b1c-alice");
		attributes.put("cognito:groups", List.of("admin"));
		attributes.put("email_verified", true);
		attributes.put("custom:level", 3);
		attributes.put("exp", Instant.parse("2026-12-02T10:00:00Z"));
		return attributes;
	}

}
