package io.github.awsauth.jwt;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.util.Resource;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Coverage-guided fuzzing of the bearer-JWT path (Nimbus parsing, issuer routing, the signature
 * and every validator). Whatever the input, a {@link BadJwtException} is the only failure, and no
 * input authenticates: the fuzzer holds no key of the issuer. {@code ./mvnw test} runs the seeds in
 * {@code JwtDecoderFuzzTestsInputs}; {@code JAZZER_FUZZ=1} fuzzes (docs/testing.md).
 */
class JwtDecoderFuzzTests {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Fuzz";

	private static final TestTokens tokens = new TestTokens(ISSUER);

	private static final JwtDecoder decoder = new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
			(url) -> new Resource(tokens.jwks(), "application/json"), Clock.systemUTC(), List.of(), List.of())
		.create(List.of(new TrustedIssuer(ISSUER, URI.create(ISSUER + "/.well-known/jwks.json"), Set.of("app-client"),
				TokenUse.ACCESS, true)));

	@FuzzTest(maxDuration = "10m")
	void anyInputIsABadJwtAndNeverAuthenticates(FuzzedDataProvider data) {
		String token = data.consumeRemainingAsString();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
	}

}
