package io.github.awsauth.alb;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpServer;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.TestTokens;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Coverage-guided fuzzing of the {@code x-amzn-oidc-data} verifier: an
 * {@link AwsAuthenticationException} is the only failure, and no header verifies, since the
 * fuzzer does not hold the load balancer's key. Half of the inputs start with a well-formed header
 * of the known {@code kid} and signer, so the fuzzer reaches the signature check.
 */
class AlbTokenFuzzTests {

	private static final String KID = "0b6a3a52-5c0e-4a07-9d5e-0a0e0c6f0b11";

	private static final ECKey key = TestTokens.generateEcKey();

	private static final HttpServer keys = start();

	private static final AlbTokenVerifier verifier = new AlbTokenVerifier(
			new AlbPublicKeys("http://127.0.0.1:" + keys.getAddress().getPort() + "/{kid}", Duration.ofSeconds(2), 100,
					Duration.ofSeconds(10), 5, CryptoProvider.jdk(), Clock.systemUTC()),
			List.of(AlbTokens.SIGNER), null, List.of(), Duration.ofSeconds(60), CryptoProvider.jdk(), 0,
			Clock.systemUTC());

	@FuzzTest(maxDuration = "10m")
	void anyHeaderIsRefusedWithAnAuthenticationException(FuzzedDataProvider data) {
		// the only connection is to the configured loopback server (a kid never picks the host)
		BugDetectors.allowNetworkConnections((host, port) -> port == keys.getAddress().getPort()
				&& (host.equals("127.0.0.1") || host.equals("localhost")));
		String header = data.consumeBoolean()
				? AlbTokens.b64(AlbTokens.json(AlbTokens.header(KID, (h) -> {
				}))) + "." + data.consumeRemainingAsString()
				: data.consumeRemainingAsString();
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> verifier.verify(header));
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] pem = AlbTokens.pem(key).getBytes(StandardCharsets.US_ASCII);
			server.createContext("/", (exchange) -> {
				boolean known = exchange.getRequestURI().getPath().equals("/" + KID);
				exchange.sendResponseHeaders(known ? 200 : 404, known ? pem.length : -1);
				try (OutputStream out = exchange.getResponseBody()) {
					if (known) {
						out.write(pem);
					}
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
