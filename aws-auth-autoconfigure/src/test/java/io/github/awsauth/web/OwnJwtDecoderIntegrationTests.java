package io.github.awsauth.web;

import java.net.http.HttpResponse;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that brings its own {@link JwtDecoder}: that decoder, and no other, judges bearer
 * tokens, and its tokens still become {@code AwsPrincipal}s.
 */
@SpringBootTest(classes = { TestApplication.class, OwnJwtDecoderIntegrationTests.OwnDecoder.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnJwtDecoderIntegrationTests {

	static final TestTokens tokens = new TestTokens("https://idp.example.com");

	@LocalServerPort
	int port;

	@Test
	void tokenTheApplicationsDecoderAcceptsBecomesAnAwsPrincipal() {
		HttpResponse<String> response = Http.bearer(this.port, "/api/me", tokens.sign(tokens.accessClaims()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"5f0e2b1c-alice\"", "\"mechanism\":\"jwt\"", "\"ROLE_admin\"");
	}

	@Test
	void tokenTheApplicationsDecoderRefusesIsA401() {
		String forged = TestTokens.sign(tokens.accessClaims(), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1"),
				tokens.attacker);
		assertThat(Http.bearer(this.port, "/api/me", forged).statusCode()).isEqualTo(401);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		@Bean
		JwtDecoder ownDecoder() throws JOSEException {
			return NimbusJwtDecoder.withPublicKey(tokens.rsa.toRSAPublicKey()).build();
		}

	}

}
