package io.github.awsauth.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-origin requests ({@code aws.auth.cors}), for a single-page app on another origin that
 * holds the user's tokens and calls this service (the Amplify case). Setting
 * {@code allowed-origins} turns it on; an application with its own
 * {@code CorsConfigurationSource} bean configures CORS itself.
 */
public class CorsProperties {

	/**
	 * Origins allowed to call this service from a browser, for example https://app.example.com.
	 * Empty: no cross-origin request is allowed.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Methods a cross-origin request may use.
	 */
	private List<String> allowedMethods = new ArrayList<>(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));

	/**
	 * Request headers a cross-origin request may send.
	 */
	private List<String> allowedHeaders = new ArrayList<>(List.of("Authorization", "Content-Type"));

	/**
	 * Response headers the browser lets the calling script read.
	 */
	private List<String> exposedHeaders = new ArrayList<>(List.of("WWW-Authenticate", "Retry-After"));

	/**
	 * Whether the browser sends cookies with cross-origin requests. Off: tokens travel in the
	 * Authorization header, and a session cookie should not ride on cross-origin calls.
	 */
	private boolean allowCredentials;

	/**
	 * How long the browser may cache the answer to a preflight request.
	 */
	private Duration maxAge = Duration.ofMinutes(30);

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(List<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

}
