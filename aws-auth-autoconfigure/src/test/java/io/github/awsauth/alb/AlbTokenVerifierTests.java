package io.github.awsauth.alb;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpServer;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CountingSignatures;
import io.github.awsauth.core.Corretto;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.TestTokens;
import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A verified header is not verified again while it lives, but its expiry is checked on every
 * request; any other header, one byte apart, is verified; Corretto Crypto Provider verifies what
 * the JDK does.
 */
class AlbTokenVerifierTests {

	private static final String KID = "0b6a3a52-5c0e-4a07-9d5e-0a0e0c6f0b11";

	private static final ECKey key = TestTokens.generateEcKey();

	private static HttpServer keys;

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	private final CountingSignatures signatures = new CountingSignatures();

	@BeforeAll
	static void startKeyServer() throws IOException {
		keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] pem = AlbTokens.pem(key).getBytes(StandardCharsets.US_ASCII);
		keys.createContext("/" + KID, (exchange) -> {
			exchange.sendResponseHeaders(200, pem.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(pem);
			}
		});
		keys.start();
	}

	@AfterAll
	static void stopKeyServer() {
		keys.stop(0);
	}

	@Test
	void repeatedHeaderIsVerifiedOnce() {
		AlbTokenVerifier verifier = verifier(this.signatures.crypto(), 100);
		String header = header(120, 120);
		for (int i = 0; i < 3; i++) {
			assertThat(verifier.verify(header)).containsEntry("sub", "9f3c-alice");
		}
		assertThat(this.signatures.count()).isOne();
		verifier.verify(header(120, 119));
		assertThat(this.signatures.count()).as("another header, another verification").isEqualTo(2);
	}

	@Test
	void withTheCacheOffEveryHeaderIsVerified() {
		AlbTokenVerifier verifier = verifier(this.signatures.crypto(), 0);
		String header = header(120, 120);
		verifier.verify(header);
		verifier.verify(header);
		assertThat(this.signatures.count()).isEqualTo(2);
	}

	@Test
	void headerThatExpiredWhileRememberedIsRefused() {
		AlbTokenVerifier verifier = verifier(this.signatures.crypto(), 100);
		String header = header(120, 120);
		verifier.verify(header);
		this.clock.advance(Duration.ofSeconds(119 + 60));
		assertThat(verifier.verify(header)).as("within the clock skew").containsEntry("sub", "9f3c-alice");
		this.clock.advance(Duration.ofSeconds(2));
		assertRefused(() -> verifier.verify(header), "it has expired");
		assertThat(this.signatures.count()).isOne();
	}

	@Test
	void earlierOfTheHeadersAndThePayloadsExpiryHolds() {
		AlbTokenVerifier verifier = verifier(this.signatures.crypto(), 100);
		String headerExpiresFirst = header(30, 120);
		String payloadExpiresFirst = header(120, 30);
		verifier.verify(headerExpiresFirst);
		verifier.verify(payloadExpiresFirst);
		this.clock.advance(Duration.ofSeconds(30 + 61));
		assertRefused(() -> verifier.verify(headerExpiresFirst), "it has expired");
		assertRefused(() -> verifier.verify(payloadExpiresFirst), "it has expired");
	}

	@Test
	void headerOneByteApartFromARememberedOneIsVerifiedAndRefused() {
		AlbTokenVerifier verifier = verifier(this.signatures.crypto(), 100);
		String header = header(120, 120);
		verifier.verify(header);
		int middle = header.lastIndexOf('.') + 10;
		String forged = header.substring(0, middle) + ((header.charAt(middle) == 'A') ? 'B' : 'A')
				+ header.substring(middle + 1);
		assertRefused(() -> verifier.verify(forged), "the signature does not match");
		assertThat(this.signatures.count()).isEqualTo(2);
	}

	@Test
	void correttoVerifiesGenuineHeadersAndRefusesForgedOnes() {
		AlbTokenVerifier verifier = verifier(Corretto.assumeAvailable(), 0);
		String header = header(120, 120);
		assertThat(verifier.verify(header)).containsEntry("email", "alice@example.com");
		ECKey other = TestTokens.generateEcKey();
		String forged = AlbTokens.token(KID, other, (h) -> {
		}, (c) -> {
		}, false);
		assertRefused(() -> verifier.verify(forged), "the signature does not match");
	}

	private AlbTokenVerifier verifier(CryptoProvider crypto, long cacheSize) {
		AlbPublicKeys publicKeys = new AlbPublicKeys("http://127.0.0.1:" + keys.getAddress().getPort() + "/{kid}",
				Duration.ofSeconds(2), 100, Duration.ofSeconds(10), 5, crypto, this.clock);
		return new AlbTokenVerifier(publicKeys, List.of(AlbTokens.SIGNER), "https://idp.example.com",
				List.of("app-client"), Duration.ofSeconds(60), crypto, cacheSize, this.clock);
	}

	private String header(long headerExpiresIn, long payloadExpiresIn) {
		Instant now = this.clock.instant();
		return AlbTokens.token(KID, key, (h) -> h.put("exp", now.plusSeconds(headerExpiresIn).getEpochSecond()),
				(c) -> c.put("exp", now.plusSeconds(payloadExpiresIn).getEpochSecond()), false);
	}

	private static void assertRefused(Runnable verification, String reason) {
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(verification::run)
			.withMessage("Invalid ALB token: " + reason);
	}

}
