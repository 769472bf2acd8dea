package io.github.awsauth.iam;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import io.github.awsauth.core.AwsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of how STS's answer is read (status, content type, XML with DTDs off):
 * an {@link AwsAuthenticationException} is the only failure, and an identity is taken only from a
 * 200 XML answer that names an ARN. The answers come from a real HTTP server on loopback.
 */
class StsAnswerFuzzTests {

	private static final AtomicReference<Answer> next = new AtomicReference<>();

	private static final HttpServer sts = start();

	private static final StsCallerIdentityClient client = new StsCallerIdentityClient(Duration.ofSeconds(2));

	@FuzzTest(maxDuration = "10m")
	void anyAnswerGivesAnIdentityOrAnAuthenticationException(FuzzedDataProvider data) {
		// the only connection is to the configured loopback server (a kid never picks the host)
		BugDetectors.allowNetworkConnections((host, port) -> port == sts.getAddress().getPort()
				&& (host.equals("127.0.0.1") || host.equals("localhost")));
		int status = data.pickValue(new int[] { 200, 200, 200, 400, 403, 429, 500, 503 });
		String contentType = data.pickValue(new String[] { "text/xml", "application/xml", "text/html", "" });
		byte[] body = data.consumeRemainingAsBytes();
		next.set(new Answer(status, contentType, body));
		StsRequest request = new StsRequest("GET", URI.create("http://127.0.0.1:" + sts.getAddress().getPort() + "/"),
				Map.of(), null, Instant.now().plusSeconds(60));
		try {
			CallerIdentity identity = client.callerIdentity(request);
			assertThat(status).isEqualTo(200);
			assertThat(contentType).endsWith("xml");
			assertThat(identity.arn()).startsWith("arn:");
		}
		catch (AwsAuthenticationException expected) {
			assertThat(expected.getStatus().value()).isIn(401, 503);
		}
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				Answer answer = next.get();
				if (!answer.contentType().isEmpty()) {
					exchange.getResponseHeaders().set("Content-Type", answer.contentType());
				}
				exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer.body());
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(int status, String contentType, byte[] body) {

	}

}
