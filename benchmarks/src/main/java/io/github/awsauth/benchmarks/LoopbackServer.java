package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server answering every request with one body, to warm the caches the
 * benchmarked paths use (keys, identities) before the measured calls, which make none.
 */
final class LoopbackServer implements AutoCloseable {

	private final HttpServer server;

	LoopbackServer(String contentType, String body) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
