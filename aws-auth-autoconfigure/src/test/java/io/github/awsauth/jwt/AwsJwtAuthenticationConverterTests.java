package io.github.awsauth.jwt;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.mtls.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AwsJwtAuthenticationConverter}: what a verified token becomes, and that a
 * principal kept for a token the decoder hands out again is the one a fresh conversion would make,
 * while each request gets an authentication of its own.
 */
class AwsJwtAuthenticationConverterTests {

	private static final ClaimAuthorities AUTHORITIES = new ClaimAuthorities("cognito:groups", "ROLE_", "SCOPE_");

	private final Jwt jwt = Jwt.withTokenValue("header.payload.signature")
		.header("alg", "RS256")
		.subject("user-id")
		.claim("username", "alice")
		.claim("cognito:groups", List.of("admin"))
		.claim("scope", "orders.read")
		.issuedAt(Instant.now())
		.expiresAt(Instant.now().plusSeconds(600))
		.build();

	@AfterEach
	void forgetRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aTokenBecomesAPrincipalNamedByItsClaimWithItsGroupsAndScopes() {
		AbstractAuthenticationToken authentication = converter(100).convert(this.jwt);
		AwsPrincipal principal = (AwsPrincipal) authentication.getPrincipal();
		assertThat(principal.getName()).isEqualTo("alice");
		assertThat(principal.attributes()).containsEntry("sub", "user-id");
		assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities()))
			.containsExactlyInAnyOrder("ROLE_admin", "SCOPE_orders.read");
		assertThat(authentication.getCredentials()).isSameAs(this.jwt);
	}

	@Test
	void theSameTokenAgainGetsThePrincipalMadeBeforeInAnAuthenticationOfItsOwn() {
		AwsJwtAuthenticationConverter converter = converter(100);
		AbstractAuthenticationToken first = converter.convert(this.jwt);
		AbstractAuthenticationToken second = converter.convert(this.jwt);
		assertThat(second.getPrincipal()).isSameAs(first.getPrincipal());
		assertThat(second).isNotSameAs(first);
		first.setDetails("the first request's details");
		assertThat(second.getDetails()).isNull();
	}

	@Test
	void withNoneKeptEveryConversionMakesItsOwnPrincipal() {
		AwsJwtAuthenticationConverter converter = converter(0);
		AbstractAuthenticationToken first = converter.convert(this.jwt);
		AbstractAuthenticationToken second = converter.convert(this.jwt);
		assertThat(second.getPrincipal()).isNotSameAs(first.getPrincipal()).isEqualTo(first.getPrincipal());
	}

	@Test
	void aRequestsClientCertificateStaysWithThatRequest() {
		AwsJwtAuthenticationConverter converter = converter(100);
		X509Certificate certificate = TestCertificates.selfSigned("CN=partner,O=Example").certificate();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute(ClientCertificates.ATTRIBUTE, new X509Certificate[] { certificate });
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		AwsPrincipal withCertificate = (AwsPrincipal) converter.convert(this.jwt).getPrincipal();
		RequestContextHolder.resetRequestAttributes();
		AwsPrincipal without = (AwsPrincipal) converter.convert(this.jwt).getPrincipal();
		assertThat(withCertificate.attributes()).containsKey("clientCertificate");
		assertThat(((Map<?, ?>) withCertificate.attributes().get("clientCertificate")).get("subject"))
			.isEqualTo("CN=partner,O=Example");
		assertThat(without.attributes()).doesNotContainKey("clientCertificate");
	}

	private static AwsJwtAuthenticationConverter converter(long kept) {
		return new AwsJwtAuthenticationConverter(AUTHORITIES, "username", Set.of(), kept);
	}

}
