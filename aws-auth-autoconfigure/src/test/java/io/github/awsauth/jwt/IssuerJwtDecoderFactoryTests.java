package io.github.awsauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.util.Resource;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssuerJwtDecoderFactoryTests {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test";

	private final TestTokens tokens = new TestTokens(ISSUER);

	private final TrustedIssuer issuer = new TrustedIssuer(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"),
			Set.of("app-client"), TokenUse.ACCESS, true);

	private JwtDecoder decoder(List<org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt>> extra,
			List<JwtIssuerDecoderCustomizer> customizers) {
		return new IssuerJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(this.tokens.jwks(), "application/json"), Clock.systemUTC(), extra, customizers)
			.create(this.issuer);
	}

	@Test
	void validTokenDecodes() {
		Jwt jwt = decoder(List.of(), List.of()).decode(this.tokens.sign(this.tokens.accessClaims()));
		assertThat(jwt.getClaimAsString("username")).isEqualTo("alice");
	}

	@Test
	void expiredTokenSaysSo() {
		String token = this.tokens
			.sign((claims) -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
			.expirationTime(Date.from(Instant.now().minusSeconds(300))));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder(List.of(), List.of()).decode(token))
			.withMessageContaining("expired");
	}

	@Test
	void applicationValidatorsRunAfterTheBuiltInChecks() {
		List<org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt>> extra = List
			.of((jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Tenant suspended", null)));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder(extra, List.of()).decode(this.tokens.sign(this.tokens.accessClaims())))
			.withMessage("Tenant suspended");
	}

	@Test
	void customizersCannotRemoveTheBuiltInChecks() {
		JwtIssuerDecoderCustomizer weaken = (issuer, decoder) -> decoder
			.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		String token = this.tokens.sign((claims) -> claims.claim("client_id", "other"));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder(List.of(), List.of(weaken)).decode(token))
			.withMessageContaining("audience");
	}

	@Test
	void unreachableKeySetIsABadTokenNotAServerError() {
		JwtDecoder decoder = new IssuerJwtDecoderFactory(new JwtProperties(), (url) -> {
			throw new IOException("Connection refused");
		}, Clock.systemUTC(), List.of(), List.of()).create(this.issuer);
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(this.tokens.sign(this.tokens.accessClaims())))
			.withMessage(IssuerJwtDecoder.KEYS_UNAVAILABLE);
	}

}
