package io.github.awsauth.jwt;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JwtOnlyBearerTokenResolver}: a bearer token is read only from a request whose
 * credential is a JWT, and the token the one-credential filter found is not looked for again.
 */
class JwtOnlyBearerTokenResolverTests {

	private final AtomicInteger resolved = new AtomicInteger();

	private final BearerTokenResolver tokens = (request) -> {
		this.resolved.incrementAndGet();
		return new BoundedBearerTokenResolver(8192).resolve(request);
	};

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");

	@Test
	void theTokenTheOneCredentialFilterFoundIsNotLookedForAgain() {
		this.request.addHeader("Authorization", "Bearer eyJ.a.b");
		assertThat(JwtOnlyBearerTokenResolver.resolveAndKeep(this.tokens, this.request)).isEqualTo("eyJ.a.b");
		RequestCredentials.found(this.request, Mechanism.JWT, true);
		assertThat(new JwtOnlyBearerTokenResolver(this.tokens).resolve(this.request)).isEqualTo("eyJ.a.b");
		assertThat(this.resolved).hasValue(1);
	}

	@Test
	void aTokenNotFoundBeforeIsLookedFor() {
		this.request.addHeader("Authorization", "Bearer eyJ.a.b");
		RequestCredentials.found(this.request, Mechanism.JWT, true);
		assertThat(new JwtOnlyBearerTokenResolver(this.tokens).resolve(this.request)).isEqualTo("eyJ.a.b");
		assertThat(this.resolved).hasValue(1);
	}

	@Test
	void aBearerCredentialOfAnotherMechanismIsNotAJwtEvenWhenFound() {
		this.request.addHeader("Authorization", "Bearer k8s-aws-v1.abc");
		JwtOnlyBearerTokenResolver.resolveAndKeep(this.tokens, this.request);
		RequestCredentials.found(this.request, Mechanism.IAM, true);
		assertThat(new JwtOnlyBearerTokenResolver(this.tokens).resolve(this.request)).isNull();
	}

	@Test
	void aRequestWithoutABearerTokenKeepsNothing() {
		this.request.addHeader("Authorization", "Basic dXNlcjpwYXNz");
		assertThat(JwtOnlyBearerTokenResolver.resolveAndKeep(this.tokens, this.request)).isNull();
		assertThat(this.request.getAttributeNames().hasMoreElements()).isFalse();
	}

}
