package io.github.awsauth.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A Cognito-shaped issuer on loopback for full-HTTP tests of an application that uses the starter:
 * it serves its key set at {@code {issuer}/.well-known/jwks.json}, where the starter looks for a
 * Cognito user pool's, and signs access and id tokens shaped like Cognito's ({@code token_use},
 * {@code client_id} or {@code aud}, {@code username} or {@code cognito:username},
 * {@code cognito:groups}, {@code scope}) with an RSA-2048 key made for the run.
 *
 * <pre>
 * static TestIssuer issuer = TestIssuer.start();
 *
 * &#64;DynamicPropertySource
 * static void trust(DynamicPropertyRegistry registry) {
 *     issuer.properties().forEach((name, value) -&gt; registry.add(name, () -&gt; value));
 * }
 *
 * String token = issuer.accessToken("alice").groups("admin").scopes("orders.read").sign();
 * </pre>
 */
public final class TestIssuer implements AutoCloseable {

	/** The user pool id of {@link #start()}. */
	public static final String USER_POOL_ID = "eu-west-1_TestPool";

	/** The app client id of {@link #start()}. */
	public static final String CLIENT_ID = "test-client";

	private final RSAKey key;

	private final String userPoolId;

	private final String clientId;

	private final LoopbackServer server;

	private TestIssuer(String userPoolId, String clientId) {
		this.userPoolId = userPoolId;
		this.clientId = clientId;
		this.key = generate();
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		String path = "/" + userPoolId + "/.well-known/jwks.json";
		this.server = new LoopbackServer((exchange) -> {
			if (path.equals(exchange.getRequestURI().getPath())) {
				LoopbackServer.answer(exchange, 200, "application/json", jwks);
			}
			else {
				LoopbackServer.answer(exchange, 404, "application/json", "{}");
			}
		});
	}

	/**
	 * Start an issuer for the user pool {@value #USER_POOL_ID} and the app client {@value #CLIENT_ID}.
	 * @return the running issuer
	 */
	public static TestIssuer start() {
		return start(USER_POOL_ID, CLIENT_ID);
	}

	/**
	 * Start an issuer.
	 * @param userPoolId the user pool id in its issuer URI
	 * @param clientId the app client its tokens are for
	 * @return the running issuer
	 */
	public static TestIssuer start(String userPoolId, String clientId) {
		return new TestIssuer(userPoolId, clientId);
	}

	/**
	 * The issuer, {@code http://localhost:<port>/<user pool id>}: the {@code iss} of its tokens.
	 * @return the issuer URI
	 */
	public String issuerUri() {
		return this.server.baseUrl() + "/" + this.userPoolId;
	}

	/**
	 * Where its key set is.
	 * @return the JWK set URI
	 */
	public String jwkSetUri() {
		return issuerUri() + "/.well-known/jwks.json";
	}

	/**
	 * The app client its tokens are for.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * The properties that make a service trust this issuer as its first one, as a Cognito user
	 * pool, for this app client.
	 * @return property names and values
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("aws.auth.jwt.issuers[0].issuer-uri", issuerUri());
		properties.put("aws.auth.jwt.issuers[0].jwk-set-uri", jwkSetUri());
		properties.put("aws.auth.jwt.issuers[0].audiences", this.clientId);
		properties.put("aws.auth.jwt.issuers[0].cognito", "true");
		return properties;
	}

	/**
	 * An access token of a user, as Cognito issues it, valid for an hour.
	 * @param username the user's name ({@code username}; {@code sub} is derived from it)
	 * @return the token's builder
	 */
	public Token accessToken(String username) {
		return new Token(username, false);
	}

	/**
	 * An id token of a user, as Cognito issues it, valid for an hour.
	 * @param username the user's name ({@code cognito:username}; {@code sub} is derived from it)
	 * @return the token's builder
	 */
	public Token idToken(String username) {
		return new Token(username, true);
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token being built; {@link #sign()} signs it. */
	public final class Token {

		private final String username;

		private final boolean id;

		private final List<String> groups = new ArrayList<>();

		private final List<String> scopes = new ArrayList<>();

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private Duration expiresIn = Duration.ofHours(1);

		private Token(String username, boolean id) {
			this.username = username;
			this.id = id;
		}

		/**
		 * Put the user in groups ({@code cognito:groups}).
		 * @param groups the groups
		 * @return this builder
		 */
		public Token groups(String... groups) {
			this.groups.addAll(Arrays.asList(groups));
			return this;
		}

		/**
		 * Grant scopes ({@code scope}, access tokens).
		 * @param scopes the scopes
		 * @return this builder
		 */
		public Token scopes(String... scopes) {
			this.scopes.addAll(Arrays.asList(scopes));
			return this;
		}

		/**
		 * Add or replace a claim; a {@code null} value removes it.
		 * @param name the claim
		 * @param value its value
		 * @return this builder
		 */
		public Token claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		/**
		 * Set the lifetime; a negative one makes an expired token.
		 * @param expiresIn the time from now to {@code exp}
		 * @return this builder
		 */
		public Token expiresIn(Duration expiresIn) {
			this.expiresIn = expiresIn;
			return this;
		}

		/**
		 * Sign the token.
		 * @return the compact JWT
		 */
		public String sign() {
			Instant exp = Instant.now().plus(this.expiresIn);
			// an expired token was issued before it expired, as Spring's Jwt requires
			Instant iat = this.expiresIn.isNegative() ? exp.minus(Duration.ofHours(1)) : Instant.now();
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuerUri())
				.subject(UUID.nameUUIDFromBytes(this.username.getBytes(StandardCharsets.UTF_8)).toString())
				.issueTime(Date.from(iat))
				.expirationTime(Date.from(exp))
				.jwtID(UUID.randomUUID().toString());
			if (this.id) {
				builder.claim("token_use", "id").audience(TestIssuer.this.clientId).claim("cognito:username", this.username);
			}
			else {
				builder.claim("token_use", "access").claim("client_id", TestIssuer.this.clientId)
					.claim("username", this.username);
			}
			if (!this.groups.isEmpty()) {
				builder.claim("cognito:groups", List.copyOf(this.groups));
			}
			if (!this.scopes.isEmpty()) {
				builder.claim("scope", String.join(" ", this.scopes));
			}
			this.claims.forEach(builder::claim);
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestIssuer.this.key.getKeyID())
					.build(), builder.build());
				jwt.sign(new RSASSASigner(TestIssuer.this.key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
