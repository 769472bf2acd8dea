package io.github.awsauth.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's {@code redis-server} on a free loopback port, with nothing saved to disk, for the tests
 * of what the instances of a service share. Under CI a missing server fails the test ({@code .ci/run}
 * installs it); elsewhere the test is skipped.
 */
public final class RedisServer implements AutoCloseable {

	private static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/**
	 * Start a server on a free port.
	 * @return the running server
	 */
	public static RedisServer start() {
		boolean installed = Files.isExecutable(EXECUTABLE);
		assertThat(installed || System.getenv("CI") == null)
			.as("CI=true but redis-server is not installed: .ci/run installs redis-server")
			.isTrue();
		assumeTrue(installed, "redis-server is not installed: apt-get install redis-server (CI does)");
		RedisServer server = new RedisServer(freePort());
		server.restart();
		return server;
	}

	/** Start the server again on its port, empty. */
	public void restart() {
		try {
			this.process = new ProcessBuilder(List.of(EXECUTABLE.toString(), "--port", String.valueOf(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!accepts()) {
			assertThat(this.process.isAlive()).as("redis-server exited with " + exitValue()).isTrue();
			assertThat(System.nanoTime() - deadline).as("redis-server did not start within 10 s").isNegative();
			sleep(20);
		}
	}

	/** Stop the server, as a crash would. */
	public void stop() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The server's port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * A connection of its own to the server, as an application's {@code spring.data.redis} makes.
	 * @return the started connection factory; the caller destroys it
	 */
	public LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@Override
	public void close() {
		stop();
	}

	private boolean accepts() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String exitValue() {
		return this.process.isAlive() ? "nothing yet" : String.valueOf(this.process.exitValue());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
