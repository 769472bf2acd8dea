package io.github.awsauth.jwt;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.util.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A key set that cannot be had is explained: the URL, the HTTP status or the content type that was
 * served instead, and the property to set.
 */
class JwkSetLoaderTests {

	private static final String ISSUER = "https://idp.example.com";

	@Test
	void loginPageInsteadOfAKeySetNamesTheUrlTheContentTypeAndJwkSetUri() {
		JwkSetLoader loader = new JwkSetLoader(issuer(URI.create(ISSUER + "/jwks")),
				(url) -> new Resource("<html><form>Sign in</form></html>", "text/html;charset=UTF-8"));
		assertThatExceptionOfType(IOException.class).isThrownBy(loader::load)
			.withMessageContaining(ISSUER + "/jwks")
			.withMessageContaining("text/html")
			.withMessageContaining("jwk-set-uri");
	}

	@Test
	void failedFetchNamesTheUrlAndTheStatus() {
		JwkSetLoader loader = new JwkSetLoader(issuer(URI.create(ISSUER + "/jwks")), (url) -> {
			throw new IOException("HTTP 404: Not Found");
		});
		assertThatExceptionOfType(IOException.class).isThrownBy(loader::load)
			.withMessageContaining(ISSUER + "/jwks")
			.withMessageContaining("HTTP 404");
	}

	@Test
	void discoveryDocumentThatIsNotJsonNamesTheDiscoveryUrl() {
		JwkSetLoader loader = new JwkSetLoader(issuer(null), (url) -> new Resource("<html></html>", "text/html"));
		assertThatExceptionOfType(IOException.class).isThrownBy(loader::load)
			.withMessageContaining(ISSUER + "/.well-known/openid-configuration")
			.withMessageContaining("jwk-set-uri");
	}

	private static TrustedIssuer issuer(URI jwkSetUri) {
		return new TrustedIssuer(ISSUER, jwkSetUri, Set.of("app"), TokenUse.ACCESS, false);
	}

}
