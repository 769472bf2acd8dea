package io.github.awsauth.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.util.Resource;
import io.github.awsauth.jwt.JwtKeySets;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.jwt.TokenUse;
import io.github.awsauth.jwt.TrustedIssuer;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the health of the issuers' key sets reports: the state the decoder's key sets are in, read
 * without asking the key servers.
 */
class JwtKeySetsHealthIndicatorTests {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test";

	private final TestTokens tokens = new TestTokens(ISSUER);

	private final AtomicBoolean keyServerUp = new AtomicBoolean(true);

	private final JwtKeySets keySets = new JwtKeySets();

	private final JwtDecoder decoder;

	JwtKeySetsHealthIndicatorTests() {
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(new JwtProperties(), (url) -> {
			if (!this.keyServerUp.get()) {
				throw new IOException("connection refused");
			}
			return new Resource(this.tokens.jwks(), "application/json");
		}, Clock.systemUTC(), List.of(), List.of());
		factory.setKeySets(this.keySets);
		this.decoder = factory.create(List.of(new TrustedIssuer(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
				Set.of("app-client"), TokenUse.ACCESS, true)));
	}

	@Test
	void upBeforeTheFirstTokenWithoutAskingTheKeyServer() {
		this.keyServerUp.set(false);
		Health health = new JwtKeySetsHealthIndicator(this.keySets, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(issuer(health)).containsEntry("reachable", true)
			.containsEntry("keyIds", List.of())
			.containsEntry("lastFetch", "never");
	}

	@Test
	void upWithTheKeyIdsOnceFetched() {
		this.decoder.decode(this.tokens.sign(this.tokens.accessClaims()));
		Health health = new JwtKeySetsHealthIndicator(this.keySets, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(issuer(health)).containsEntry("keyIds", List.of("rsa-1", "ec-1")).containsKey("lastAttempt");
		assertThat(issuer(health).get("lastFetch")).isNotEqualTo("never");
		assertThat(health.toString()).doesNotContain(this.tokens.rsa.toPublicJWK().getModulus().toString());
	}

	@Test
	void unreachableKeyServerIsUnknownUnlessItShouldTakeTheApplicationDown() {
		this.keyServerUp.set(false);
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> this.decoder.decode(this.tokens.sign(this.tokens.accessClaims())));
		Health health = new JwtKeySetsHealthIndicator(this.keySets, false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(issuer(health)).containsEntry("reachable", false).containsEntry("lastFetch", "never");
		assertThat(new JwtKeySetsHealthIndicator(this.keySets, true).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> issuer(Health health) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("issuers")).get(ISSUER);
	}

}
