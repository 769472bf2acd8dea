package io.github.awsauth.apikey;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.github.awsauth.testapp.Http;
import io.github.awsauth.testapp.LogAssertions;
import io.github.awsauth.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys over HTTP: the issued key works, nothing near it does, and no key reaches a log.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.io.github.awsauth=DEBUG", "aws.auth.api-keys.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
public class ApiKeyIntegrationTests {

	public static final String KEY = "pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c";

	static final String EXPIRED_KEY = "pk_live_expired_0000000000000000000000";

	static final String DISABLED_KEY = "pk_live_disabled_000000000000000000000";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("aws.auth.api-keys.keys[0].id", () -> "partner-b");
		registry.add("aws.auth.api-keys.keys[0].sha256", () -> sha256Hex(KEY));
		registry.add("aws.auth.api-keys.keys[0].authorities", () -> "ROLE_partner");
		registry.add("aws.auth.api-keys.keys[1].id", () -> "old-script");
		registry.add("aws.auth.api-keys.keys[1].sha256", () -> sha256Hex(EXPIRED_KEY).toUpperCase());
		registry.add("aws.auth.api-keys.keys[1].expires-at", () -> "2020-01-01T00:00:00Z");
		registry.add("aws.auth.api-keys.keys[2].id", () -> "revoked");
		registry.add("aws.auth.api-keys.keys[2].sha256", () -> sha256Hex(DISABLED_KEY));
		registry.add("aws.auth.api-keys.keys[2].disabled", () -> "true");
	}

	@Test
	void issuedKeyNamesItsCaller(CapturedOutput output) {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", KEY);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"partner-b\"", "\"mechanism\":\"api-key\"", "ROLE_partner",
				"\"keyId\":\"partner-b\"");
		assertThat(response.headers().allValues("Set-Cookie")).as("stateless").isEmpty();
		LogAssertions.assertNotLogged(output, KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8d", "PK_LIVE_4F9C2E7A1B8D6E3F0A5C9B2D7E1F4A8C",
			"pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8", "pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8cX", "pk_live_", "x",
			"pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c,x", "Bearer pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c" })
	void nothingNearTheKeyWorks(String presented) {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", presented);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Unknown API key");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("ApiKey header=\"X-Api-Key\"");
	}

	@Test
	void theStoredHashIsNotTheKey() {
		assertThat(Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", sha256Hex(KEY)).statusCode()).isEqualTo(401);
	}

	@Test
	void emptyKeyIsRefused() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", "");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("header is empty");
	}

	@Test
	void veryLongKeyIsRefusedBeforeItIsHashed() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", "k".repeat(4096));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("longer than any issued key");
	}

	@Test
	void expiredAndDisabledKeysAreRefused(CapturedOutput output) {
		HttpResponse<String> expired = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", EXPIRED_KEY);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.body()).contains("has expired");
		HttpResponse<String> disabled = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", DISABLED_KEY);
		assertThat(disabled.statusCode()).isEqualTo(401);
		assertThat(disabled.body()).contains("is disabled");
		assertThat(output.getAll()).contains("API key 'revoked' is disabled");
		LogAssertions.assertNotLogged(output, DISABLED_KEY);
	}

	@Test
	void keyInTheQueryIsNeverRead() {
		HttpResponse<String> response = Http.get(this.port, "/api/me?api_key=" + KEY + "&X-Api-Key=" + KEY, null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("ApiKey header=\"X-Api-Key\"");
	}

	@Test
	void keyHeaderTwiceIsABadRequest() {
		HttpResponse<String> response = Http.getWithHeaders(this.port, "/api/me", "X-Api-Key", KEY, "X-Api-Key", KEY);
		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void headerNameIsCaseInsensitive() {
		assertThat(Http.getWithHeaders(this.port, "/api/me", "x-api-key", KEY).statusCode()).isEqualTo(200);
	}

	@Test
	void callerWithoutTheAuthorityIsForbidden() {
		assertThat(Http.getWithHeaders(this.port, "/api/admin", "X-Api-Key", KEY).statusCode()).isEqualTo(403);
	}

	/**
	 * Issue a key to a test's service: its id, the SHA-256 of the key, its authorities.
	 * @param registry the test's dynamic properties
	 * @param index the key's index under aws.auth.api-keys.keys
	 * @param id the key's id, the caller's name
	 * @param key the key as the caller sends it
	 * @param authorities the authorities it grants, comma-separated
	 */
	public static void issue(DynamicPropertyRegistry registry, int index, String id, String key, String authorities) {
		String prefix = "aws.auth.api-keys.keys[" + index + "].";
		registry.add(prefix + "id", () -> id);
		registry.add(prefix + "sha256", () -> sha256Hex(key));
		registry.add(prefix + "authorities", () -> authorities);
	}

	public static String sha256Hex(String key) {
		return HexFormat.of().formatHex(io.github.awsauth.core.Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
	}

}
