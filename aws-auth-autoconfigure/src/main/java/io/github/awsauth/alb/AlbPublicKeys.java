package io.github.awsauth.alb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.Curve;
import io.github.awsauth.core.AwsAuthenticationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The load balancers' signing keys: one PEM public key per {@code kid}, fetched from the
 * configured key endpoint. The {@code kid} must be a UUID before anything is fetched. Keys are
 * cached (bounded) and never expire (a {@code kid} names one key for good), so an outage of the key
 * endpoint does not affect tokens signed with known keys. One fetch at a time per {@code kid}; a
 * {@code kid} whose fetch failed is not fetched again within the cooldown.
 */
public final class AlbPublicKeys {

	private static final Log logger = LogFactory.getLog(AlbPublicKeys.class);

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int MAX_PEM = 4096;

	private final String uriTemplate;

	private final HttpClient http;

	private final Duration timeout;

	private final Clock clock;

	private final Cache<String, ECPublicKey> keys;

	private final Cache<String, Instant> failures;

	/**
	 * Create the key source.
	 * @param uriTemplate the key URL with {@code {kid}} (and the region already filled in)
	 * @param timeout connect and answer timeout
	 * @param cacheSize the most keys kept
	 * @param cooldown least time between two fetches of a {@code kid} that failed
	 * @param clock the clock
	 */
	public AlbPublicKeys(String uriTemplate, Duration timeout, long cacheSize, Duration cooldown, Clock clock) {
		this.uriTemplate = uriTemplate;
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		this.keys = Caffeine.newBuilder().maximumSize(cacheSize).build();
		this.failures = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cooldown).build();
	}

	/**
	 * The key of a {@code kid}.
	 * @param kid the key id of a token
	 * @return the P-256 public key
	 * @throws AwsAuthenticationException (401) for a malformed {@code kid} or a key that cannot be
	 * had
	 */
	public ECPublicKey key(String kid) {
		if (!UUID.matcher(kid).matches()) {
			throw AwsAuthenticationException.invalid("Invalid ALB token: kid is not a key id");
		}
		ECPublicKey cached = this.keys.getIfPresent(kid);
		if (cached != null) {
			return cached;
		}
		if (this.failures.getIfPresent(kid) != null) {
			throw unavailable();
		}
		ECPublicKey key = this.keys.get(kid, this::fetchOrNull);
		if (key == null) {
			throw unavailable();
		}
		return key;
	}

	private ECPublicKey fetchOrNull(String kid) {
		try {
			return fetch(kid);
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			logger.warn("Could not fetch ALB signing key " + kid + ": " + ex);
			this.failures.put(kid, this.clock.instant());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.failures.put(kid, this.clock.instant());
			return null;
		}
	}

	private ECPublicKey fetch(String kid) throws IOException, InterruptedException, GeneralSecurityException {
		URI uri = URI.create(this.uriTemplate.replace("{kid}", kid));
		HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(uri).timeout(this.timeout).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (answer.statusCode() != 200 || answer.body().length > MAX_PEM) {
			throw new IOException("key endpoint answered " + answer.statusCode());
		}
		String pem = new String(answer.body(), StandardCharsets.US_ASCII)
			.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		var key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
			throw new GeneralSecurityException("not a P-256 public key");
		}
		return ec;
	}

	private static boolean isP256(ECParameterSpec params) {
		return Curve.forECParameterSpec(params) == Curve.P_256;
	}

	private static AwsAuthenticationException unavailable() {
		return AwsAuthenticationException.invalid("Invalid ALB token: its signing key is not available");
	}

}
