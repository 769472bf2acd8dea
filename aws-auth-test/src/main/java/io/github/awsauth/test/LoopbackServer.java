package io.github.awsauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on a free loopback port, for the test endpoints (an issuer's key set, an
 * ALB's key endpoint, STS): nothing to add to an application's test dependencies.
 */
final class LoopbackServer implements AutoCloseable {

	private static final InetAddress LOOPBACK = loopback();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "aws-auth-test-server");
		thread.setDaemon(true);
		return thread;
	});

	LoopbackServer(HttpHandler handler) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
			this.server.createContext("/", handler);
			this.server.setExecutor(this.executor);
			// started from a daemon thread, the server's dispatcher is a daemon too: a fake a test
			// forgets to close does not keep the JVM alive
			this.executor.submit(this.server::start).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The loopback server did not start", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the loopback server started", ex);
		}
	}

	/** {@code http://127.0.0.1:<port>}: the address it is bound to, whatever localhost resolves to. */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static InetAddress loopback() {
		try {
			return InetAddress.getByAddress("127.0.0.1", new byte[] { 127, 0, 0, 1 });
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
