package io.github.awsauth.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.sample.api.ApiApplication;
import io.github.awsauth.sample.idp.LocalIdpApplication;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * Starts the sample: first the embedded local identity provider on its own port (unless
 * {@code --sample.local-idp.enabled=false}), then the service, which trusts it (with the profile
 * {@code local-idp}, which registers it for browser sign-in). Ports come from
 * {@code --server.port} (8080) and {@code --sample.local-idp.port} (9000); 0 picks a free one.
 */
public final class SampleApplication {

	private static final Log logger = LogFactory.getLog(SampleApplication.class);

	private static final int FREE_PORT_ATTEMPTS = 3;

	private SampleApplication() {
	}

	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Start the identity provider and the service.
	 * @param args command-line arguments, passed to the service
	 * @return both running applications
	 */
	public static RunningSample start(String... args) {
		SimpleCommandLinePropertySource arguments = new SimpleCommandLinePropertySource(args);
		boolean freePorts = "0".equals(arguments.getProperty("server.port"))
				|| "0".equals(arguments.getProperty("sample.local-idp.port"));
		for (int attempt = 1;; attempt++) {
			try {
				return startOnce(arguments, args);
			}
			catch (RuntimeException ex) {
				// a free port is chosen before either application starts (each must know the other's
				// URL), so another process can take it in between: choose again
				if (!freePorts || attempt == FREE_PORT_ATTEMPTS || !portInUse(ex)) {
					throw ex;
				}
				logger.info("A chosen free port was taken before the sample bound it; choosing again");
			}
		}
	}

	private static boolean portInUse(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PortInUseException) {
				return true;
			}
		}
		return false;
	}

	private static RunningSample startOnce(SimpleCommandLinePropertySource arguments, String... args) {
		int appPort = port(arguments.getProperty("server.port"), 8080);
		List<String> appArgs = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--server.port=")) {
				appArgs.add(arg);
			}
		}
		appArgs.add("--server.port=" + appPort);
		ConfigurableApplicationContext idp = null;
		SpringApplicationBuilder app = new SpringApplicationBuilder(ApiApplication.class);
		if (!"false".equals(arguments.getProperty("sample.local-idp.enabled"))) {
			int idpPort = port(arguments.getProperty("sample.local-idp.port"), 9000);
			String issuer = "http://localhost:" + idpPort;
			idp = new SpringApplicationBuilder(LocalIdpApplication.class)
				.properties("spring.config.name=local-idp")
				.run("--server.port=" + idpPort, "--sample.local-idp.issuer=" + issuer,
						"--sample.app-base-url=http://localhost:" + appPort);
			appArgs.add("--sample.local-idp.issuer=" + issuer);
			app.profiles("local-idp");
		}
		ConfigurableApplicationContext service;
		try {
			service = app.run(appArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			if (idp != null) {
				idp.close();
			}
			throw ex;
		}
		logger.info(readyLine(service, idp));
		return new RunningSample(service, idp);
	}

	private static String readyLine(ConfigurableApplicationContext service,
			@Nullable ConfigurableApplicationContext idp) {
		String line = "Sample ready: service http://localhost:" + port(service);
		if (idp == null) {
			return line + " (no local IdP)";
		}
		return line + ", local IdP http://localhost:" + port(idp) + "; demo users alice/alice-password (group admin)"
				+ " and bob/bob-password, machine client orders-machine/orders-machine-secret";
	}

	private static int port(ConfigurableApplicationContext context) {
		return (context instanceof WebServerApplicationContext web) ? web.getWebServer().getPort() : -1;
	}

	private static int port(@Nullable String configured, int fallback) {
		int port = (configured != null) ? Integer.parseInt(configured) : fallback;
		if (port != 0) {
			return port;
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The running service and, when enabled, its local identity provider.
	 *
	 * @param app the service
	 * @param idp the identity provider, or {@code null}
	 */
	public record RunningSample(ConfigurableApplicationContext app,
			@Nullable ConfigurableApplicationContext idp) implements AutoCloseable {

		@Override
		public void close() {
			this.app.close();
			if (this.idp != null) {
				this.idp.close();
			}
		}

	}

}
