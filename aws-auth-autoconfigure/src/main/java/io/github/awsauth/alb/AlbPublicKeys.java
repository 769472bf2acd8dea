package io.github.awsauth.alb;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.jwk.Curve;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.SingleFlight;
import io.github.awsauth.core.UpstreamHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The load balancers' signing keys: one PEM public key per {@code kid}, fetched from the
 * configured key endpoint. The {@code kid} must be a UUID before anything is fetched. Keys are
 * cached (bounded) and never expire (a {@code kid} names one key for good), so an outage of the key
 * endpoint does not affect tokens signed with known keys. One fetch at a time per {@code kid},
 * outside any lock shared with other {@code kid}s; a {@code kid} whose fetch failed is not fetched
 * again within the cooldown; and at most {@code maxNewKeyFetches} never-seen {@code kid}s are
 * fetched per cooldown window, however many an attacker invents.
 */
public final class AlbPublicKeys {

	private static final Log logger = LogFactory.getLog(AlbPublicKeys.class);

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int MAX_PEM = 4096;

	private final String uriTemplate;

	private final HttpClient http;

	private final Duration timeout;

	private final Duration cooldown;

	private final CryptoProvider crypto;

	private final Clock clock;

	private final Cache<String, ECPublicKey> keys;

	private final Cache<String, AwsAuthenticationException> failures;

	private final ConcurrentMap<String, CompletableFuture<ECPublicKey>> fetching = new ConcurrentHashMap<>();

	private final FetchBudget newKeyFetches;

	private final UpstreamHealth health;

	/**
	 * Create the key source.
	 * @param uriTemplate the key URL with {@code {kid}} (and the region already filled in)
	 * @param timeout connect and answer timeout
	 * @param cacheSize the most keys kept
	 * @param cooldown least time between two fetches of a {@code kid} that failed, and the window of
	 * the fetch budget
	 * @param maxNewKeyFetches the most fetches of never-seen {@code kid}s per cooldown window
	 * @param crypto the provider the keys are made for, once per key
	 * @param clock the clock
	 */
	public AlbPublicKeys(String uriTemplate, Duration timeout, long cacheSize, Duration cooldown, int maxNewKeyFetches,
			CryptoProvider crypto, Clock clock) {
		this(uriTemplate, timeout, cacheSize, cooldown, maxNewKeyFetches, crypto, clock,
				UpstreamHealth.unreported("alb-keys"));
	}

	/**
	 * Create the key source, recording its fetches.
	 * @param uriTemplate the key URL with {@code {kid}} (and the region already filled in)
	 * @param timeout connect and answer timeout
	 * @param cacheSize the most keys kept
	 * @param cooldown least time between two fetches of a {@code kid} that failed, and the window of
	 * the fetch budget
	 * @param maxNewKeyFetches the most fetches of never-seen {@code kid}s per cooldown window
	 * @param crypto the provider the keys are made for, once per key
	 * @param clock the clock
	 * @param health where each fetch is recorded
	 */
	public AlbPublicKeys(String uriTemplate, Duration timeout, long cacheSize, Duration cooldown, int maxNewKeyFetches,
			CryptoProvider crypto, Clock clock, UpstreamHealth health) {
		this.health = health;
		this.uriTemplate = uriTemplate;
		this.crypto = crypto;
		this.timeout = timeout;
		this.cooldown = cooldown;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		this.keys = RequestPathCaches.newBuilder().maximumSize(cacheSize).build();
		this.failures = RequestPathCaches.newBuilder().maximumSize(cacheSize).expireAfterWrite(cooldown).build();
		this.newKeyFetches = new FetchBudget(maxNewKeyFetches, cooldown, clock);
	}

	/**
	 * The key of a {@code kid}.
	 * @param kid the key id of a token
	 * @return the P-256 public key
	 * @throws AwsAuthenticationException 401 for a malformed {@code kid} or one the endpoint does
	 * not have, 503 with {@code Retry-After} when the endpoint cannot be asked now
	 */
	public ECPublicKey key(String kid) {
		if (!UUID.matcher(kid).matches()) {
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.MALFORMED,
					"Invalid ALB token: kid is not a key id");
		}
		ECPublicKey cached = this.keys.getIfPresent(kid);
		if (cached != null) {
			return cached;
		}
		AwsAuthenticationException failed = this.failures.getIfPresent(kid);
		if (failed != null) {
			throw failed;
		}
		return SingleFlight.join(this.fetching, kid, () -> fetchAndCache(kid));
	}

	private ECPublicKey fetchAndCache(String kid) {
		if (!this.newKeyFetches.tryTake()) {
			throw unavailable("too many new ALB signing keys were asked for; retry later", null);
		}
		try {
			ECPublicKey key = fetch(kid);
			this.keys.put(kid, key);
			return key;
		}
		catch (AwsAuthenticationException ex) {
			this.failures.put(kid, ex);
			throw ex;
		}
	}

	/** 401 when the endpoint has no usable key for the kid; 503 when it cannot be asked. */
	private ECPublicKey fetch(String kid) {
		URI uri = URI.create(this.uriTemplate.replace("{kid}", kid));
		byte[] body;
		int status;
		try {
			HttpResponse<InputStream> answer = this.http.send(
					HttpRequest.newBuilder(uri).timeout(this.timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
			status = answer.statusCode();
			try (InputStream in = answer.body()) {
				body = in.readNBytes(MAX_PEM + 1);
			}
		}
		catch (IOException ex) {
			throw unreachable("the ALB key endpoint could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable("interrupted while fetching an ALB signing key", ex);
		}
		if (status >= 500 || status == 429) {
			throw unreachable("the ALB key endpoint answered " + status, null);
		}
		this.health.reached();
		if (status != 200 || body.length > MAX_PEM) {
			logger.warn("ALB key endpoint answered " + status + " (" + body.length + " bytes) for kid " + kid);
			throw notAvailable();
		}
		try {
			String pem = new String(body, StandardCharsets.US_ASCII).replace("-----BEGIN PUBLIC KEY-----", "")
				.replace("-----END PUBLIC KEY-----", "")
				.replaceAll("\\s", "");
			var key = KeyFactory.getInstance("EC")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
			if (key instanceof ECPublicKey ec && isP256(ec.getParams())
					&& this.crypto.publicKey(ec) instanceof ECPublicKey ready) {
				return ready;
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// fall through: not a key
		}
		logger.warn("ALB key endpoint served no P-256 public key for kid " + kid);
		throw notAvailable();
	}

	private static boolean isP256(ECParameterSpec params) {
		return Curve.forECParameterSpec(params) == Curve.P_256;
	}

	private static AwsAuthenticationException notAvailable() {
		return AwsAuthenticationException.invalid(AuthenticationFailureReason.UNKNOWN_KEY,
				"Invalid ALB token: its signing key is not available");
	}

	private AwsAuthenticationException unreachable(String reason, @Nullable Throwable cause) {
		this.health.unreachable(reason);
		return unavailable(reason, cause);
	}

	private AwsAuthenticationException unavailable(String reason, @Nullable Throwable cause) {
		logger.warn("Could not fetch an ALB signing key: " + reason + ((cause != null) ? " (" + cause + ")" : ""));
		return AwsAuthenticationException.unavailable("The ALB signing keys are unavailable; retry later",
				this.cooldown, cause);
	}

	/** At most {@code max} takes per window; a small critical section, no I/O inside. */
	private static final class FetchBudget {

		private final int max;

		private final Duration window;

		private final Clock clock;

		private Instant windowStart = Instant.MIN;

		private int taken;

		FetchBudget(int max, Duration window, Clock clock) {
			this.max = max;
			this.window = window;
			this.clock = clock;
		}

		synchronized boolean tryTake() {
			Instant now = this.clock.instant();
			if (this.windowStart == Instant.MIN || !now.isBefore(this.windowStart.plus(this.window))) {
				this.windowStart = now;
				this.taken = 0;
			}
			if (this.taken >= this.max) {
				return false;
			}
			this.taken++;
			return true;
		}

	}

}
