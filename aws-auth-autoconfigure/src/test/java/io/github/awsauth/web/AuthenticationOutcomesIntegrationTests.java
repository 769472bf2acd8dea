package io.github.awsauth.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.awsauth.apikey.ApiKeyIntegrationTests;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationFailureEvent;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import io.github.awsauth.testapp.TestIdp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.security.AuthenticationAuditListener;
import org.springframework.boot.actuate.security.AuthorizationAuditListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of each authentication: Spring Security's events (which Boot's audit
 * support records), the {@code aws.auth.authentications} counter by mechanism, outcome and reason,
 * the {@code aws.auth.verification} timer, and one DEBUG line per refused credential whose decision
 * id the caller's problem body carries. Once per attempt, for a request mechanism (API key) and for
 * bearer JWTs, whose manager-side events Spring Security publishes itself.
 */
@SpringBootTest(classes = { TestApplication.class, AuthenticationOutcomesIntegrationTests.Observability.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.awsauth=DEBUG", "aws.auth.api-keys.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationOutcomesIntegrationTests {

	static final TestIdp idp = TestIdp.start();

	static final Pattern DECISION = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Observability observability;

	@Autowired
	InMemoryAuditEventRepository audit;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		idp.trust(registry);
		registry.add("aws.auth.api-keys.keys[0].id", () -> "partner-b");
		registry.add("aws.auth.api-keys.keys[0].authorities", () -> "ROLE_partner");
		registry.add("aws.auth.api-keys.keys[0].sha256",
				() -> ApiKeyIntegrationTests.sha256Hex(ApiKeyIntegrationTests.KEY));
	}

	@AfterAll
	static void stop() {
		idp.stop();
	}

	@BeforeEach
	void forgetEvents() {
		this.observability.events.clear();
	}

	@Test
	void successIsOneEventOneCountAndOneTimedVerification() {
		double before = count("api-key", "success", "none");
		long timed = timed("api-key");
		assertThat(Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", ApiKeyIntegrationTests.KEY).statusCode())
			.isEqualTo(200);
		assertThat(this.observability.events).singleElement()
			.isInstanceOfSatisfying(AuthenticationSuccessEvent.class,
					(event) -> assertThat(((AwsPrincipal) event.getAuthentication().getPrincipal()).getName())
						.isEqualTo("partner-b"));
		assertThat(count("api-key", "success", "none")).isEqualTo(before + 1);
		assertThat(timed("api-key")).isEqualTo(timed + 1);
	}

	@Test
	void refusedKeyIsOneEventOneCountAndOneLogLineWithTheDecisionIdOfTheAnswer(CapturedOutput output) {
		double before = count("api-key", "failure", "unknown_key");
		String wrong = "pk_live_0000000000000000000000000000dead";
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", wrong);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.observability.events).singleElement()
			.isInstanceOfSatisfying(AwsAuthenticationFailureEvent.class, (event) -> {
				assertThat(event.getMechanism()).isEqualTo(Mechanism.API_KEY);
				assertThat(event.getReason()).isEqualTo(AuthenticationFailureReason.UNKNOWN_KEY);
			});
		assertThat(count("api-key", "failure", "unknown_key")).isEqualTo(before + 1);
		assertThat(output.getAll()).contains("Authentication failed, decision " + decisionId(response)
				+ ": GET /api/me mechanism=api-key reason=unknown_key: Unknown API key");
		LogAssertions.assertNotLogged(output, wrong);
	}

	@Test
	void keyRefusedBeforeVerificationIsCountedAndPublishedToo() {
		double before = count("api-key", "failure", "too_large");
		String oversized = "k".repeat(2_000);
		assertThat(Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", oversized).statusCode()).isEqualTo(401);
		assertThat(this.observability.events).singleElement()
			.isInstanceOfSatisfying(AwsAuthenticationFailureEvent.class, (event) -> assertThat(event.getReason())
				.isEqualTo(AuthenticationFailureReason.TOO_LARGE));
		assertThat(count("api-key", "failure", "too_large")).isEqualTo(before + 1);
	}

	@Test
	void expiredJwtIsOneSpringEventCountedAsExpired(CapturedOutput output) {
		double before = count("jwt", "failure", "expired");
		String expired = idp.tokens.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
			.expirationTime(Date.from(Instant.now().minusSeconds(300))));
		HttpResponse<String> response = Http.bearer(this.port, "/api/me", expired);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.observability.events).singleElement()
			.isInstanceOfSatisfying(AwsAuthenticationFailureEvent.class, (event) -> {
				assertThat(event.getMechanism()).isEqualTo(Mechanism.JWT);
				assertThat(event.getReason()).isEqualTo(AuthenticationFailureReason.EXPIRED);
			});
		assertThat(count("jwt", "failure", "expired")).isEqualTo(before + 1);
		assertThat(output.getAll()).contains("Authentication failed, decision " + decisionId(response)
				+ ": GET /api/me mechanism=jwt reason=expired");
		LogAssertions.assertNotLogged(output, expired);
	}

	@Test
	void auditRecordsARefusedTokenWithoutIt() {
		String wrongAudience = idp.tokens.sign((claims) -> claims.claim("client_id", "another-client"));
		assertThat(Http.bearer(this.port, "/api/me", wrongAudience).statusCode()).isEqualTo(401);
		List<AuditEvent> failures = this.audit.find(null, null, "AUTHENTICATION_FAILURE");
		assertThat(failures).isNotEmpty();
		assertThat(failures.toString()).doesNotContain(wrongAudience)
			.doesNotContain(wrongAudience.substring(wrongAudience.lastIndexOf('.') + 1));
	}

	@Test
	void jwtSignedByAnotherKeyIsCountedAsABadSignature() {
		double before = count("jwt", "failure", "bad_signature");
		String forged = TestTokens.sign(idp.tokens.accessClaims(),
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"), idp.tokens.attacker);
		assertThat(Http.bearer(this.port, "/api/me", forged).statusCode()).isEqualTo(401);
		assertThat(count("jwt", "failure", "bad_signature")).isEqualTo(before + 1);
	}

	@Test
	void unreadableBearerHeaderIsPublishedByTheStarter() {
		double before = count("jwt", "failure", "malformed");
		assertThat(Http.get(this.port, "/api/me", "Bearer not a token").statusCode()).isEqualTo(401);
		assertThat(this.observability.events).singleElement()
			.isInstanceOfSatisfying(AwsAuthenticationFailureEvent.class,
					(event) -> assertThat(event.getMechanism()).isEqualTo(Mechanism.JWT));
		assertThat(count("jwt", "failure", "malformed")).isEqualTo(before + 1);
	}

	@Test
	void aTokenSentAgainIsAHitOfTheVerifiedTokenCache() {
		double hits = this.meters.get("aws.auth.cache.gets").tags("cache", "jwt.verified", "result", "hit")
			.functionCounter().count();
		String token = idp.tokens.sign((claims) -> claims.claim("jti", "sent-twice"));
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(200);
		assertThat(Http.bearer(this.port, "/api/me", token).statusCode()).isEqualTo(200);
		assertThat(this.meters.get("aws.auth.cache.gets").tags("cache", "jwt.verified", "result", "hit")
			.functionCounter().count()).isEqualTo(hits + 1);
	}

	@Test
	void validJwtIsOneSuccessAndOneTimedVerification() {
		double before = count("jwt", "success", "none");
		long timed = timed("jwt");
		assertThat(Http.bearer(this.port, "/api/me", idp.tokens.sign((claims) -> {
		})).statusCode()).isEqualTo(200);
		assertThat(this.observability.events).singleElement().isInstanceOf(AuthenticationSuccessEvent.class);
		assertThat(count("jwt", "success", "none")).isEqualTo(before + 1);
		assertThat(timed("jwt")).isEqualTo(timed + 1);
	}

	@Test
	void decisionsAreCountedByWhatDecidedAndDenialsAudited() {
		double routeAllowed = decisions("route", "allow");
		double routeDenied = decisions("route", "deny");
		double methodDenied = decisions("method", "deny");
		double methodAllowed = decisions("method", "allow");
		assertThat(Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", ApiKeyIntegrationTests.KEY).statusCode())
			.isEqualTo(200);
		assertThat(Http.getWithHeaders(this.port, "/api/admin", "X-Api-Key", ApiKeyIntegrationTests.KEY).statusCode())
			.isEqualTo(403);
		assertThat(Http.get(this.port, "/api/me", null).statusCode()).isEqualTo(401);
		assertThat(decisions("route", "allow")).isEqualTo(routeAllowed + 2);
		assertThat(decisions("method", "deny")).as("@PreAuthorize(\"hasRole('admin')\")").isEqualTo(methodDenied + 1);
		assertThat(decisions("method", "allow")).isEqualTo(methodAllowed);
		assertThat(decisions("route", "deny")).as("no caller").isEqualTo(routeDenied + 1);
		assertThat(this.audit.find("partner-b", null, "AUTHORIZATION_FAILURE")).isNotEmpty();
	}

	private double decisions(String source, String outcome) {
		return this.meters.get("aws.auth.authorizations").tags("source", source, "outcome", outcome).counter().count();
	}

	private double count(String mechanism, String outcome, String reason) {
		Counter counter = this.meters.find("aws.auth.authentications")
			.tags("mechanism", mechanism, "outcome", outcome, "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long timed(String mechanism) {
		Timer timer = this.meters.find("aws.auth.verification").tags("mechanism", mechanism).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static String decisionId(HttpResponse<String> response) {
		Matcher matcher = DECISION.matcher(response.body());
		assertThat(matcher.find()).as("a decision id in %s", response.body()).isTrue();
		return matcher.group(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observability implements ApplicationListener<AbstractAuthenticationEvent> {

		final List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AbstractAuthenticationEvent event) {
			this.events.add(event);
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		AuthenticationAuditListener authenticationAuditListener() {
			return new AuthenticationAuditListener();
		}

		@Bean
		AuthorizationAuditListener authorizationAuditListener() {
			return new AuthorizationAuditListener();
		}

	}

}
