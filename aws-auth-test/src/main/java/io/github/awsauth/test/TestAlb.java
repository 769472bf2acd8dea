package io.github.awsauth.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * An Application Load Balancer with {@code authenticate-oidc} on loopback, for full-HTTP tests of a
 * service behind one: it mints {@code x-amzn-oidc-data} headers as ALB does (ES256, every segment
 * base64url with its padding, the signer's ARN, {@code kid}, {@code iss}, {@code client} and
 * {@code exp} in the JWT header) and serves its public key as PEM at {@code /{kid}}, as ALB's
 * regional key endpoint does.
 *
 * <pre>
 * String header = alb.user("9f3c-alice").claim("email", "alice@example.com").header();
 * mvc.perform(get("/api/me").header(TestAlb.HEADER, header));
 * </pre>
 */
public final class TestAlb implements AutoCloseable {

	/** The header ALB puts the signed claims in. */
	public static final String HEADER = "x-amzn-oidc-data";

	/** The load balancer of {@link #start()}. */
	public static final String SIGNER_ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/test/0123456789abcdef";

	/** The issuer and client its headers name. */
	public static final String ISSUER = "https://idp.example.com";

	/** The OIDC client its headers name. */
	public static final String CLIENT = "test-client";

	private final ECKey key;

	private final String signerArn;

	private final LoopbackServer server;

	private TestAlb(String signerArn) {
		this.signerArn = signerArn;
		this.key = generate();
		String pem = pem(this.key);
		String path = "/" + this.key.getKeyID();
		this.server = new LoopbackServer((exchange) -> {
			if (path.equals(exchange.getRequestURI().getPath())) {
				LoopbackServer.answer(exchange, 200, "text/plain", pem);
			}
			else {
				LoopbackServer.answer(exchange, 404, "text/plain", "");
			}
		});
	}

	/**
	 * Start a load balancer named {@value #SIGNER_ARN}.
	 * @return the running load balancer
	 */
	public static TestAlb start() {
		return start(SIGNER_ARN);
	}

	/**
	 * Start a load balancer.
	 * @param signerArn its ARN, which its headers carry as {@code signer}
	 * @return the running load balancer
	 */
	public static TestAlb start(String signerArn) {
		return new TestAlb(signerArn);
	}

	/**
	 * The load balancer's ARN.
	 * @return the signer ARN
	 */
	public String signerArn() {
		return this.signerArn;
	}

	/**
	 * Its key endpoint, for {@code aws.auth.alb.public-key-uri}.
	 * @return the URL with {@code {kid}}
	 */
	public String publicKeyUri() {
		return this.server.baseUrl() + "/{kid}";
	}

	/**
	 * The properties that turn the ALB mechanism on and make it trust this load balancer.
	 * @return property names and values
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("aws.auth.alb.enabled", "true");
		properties.put("aws.auth.alb.region", this.signerArn.split(":")[3]);
		properties.put("aws.auth.alb.signer-arns[0]", this.signerArn);
		properties.put("aws.auth.alb.public-key-uri", publicKeyUri());
		return properties;
	}

	/**
	 * The header of a signed-in user, valid for two minutes (ALB's own headers live for about one).
	 * @param sub the user's subject, which names the principal
	 * @return the header's builder
	 */
	public User user(String sub) {
		return new User(sub);
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(ECKey key) {
		try {
			return "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(key.toECPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String segment(Map<String, Object> json) {
		return Base64.getUrlEncoder().encodeToString(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8));
	}

	/** A header being built; {@link #header()} signs it. */
	public final class User {

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private Duration expiresIn = Duration.ofMinutes(2);

		private String client = CLIENT;

		private User(String sub) {
			this.claims.put("sub", sub);
			this.claims.put("iss", ISSUER);
		}

		/**
		 * Add or replace a claim of the user's ({@code email}, {@code username}, a groups claim).
		 * @param name the claim
		 * @param value its value
		 * @return this builder
		 */
		public User claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		/**
		 * Set the OIDC client the header names.
		 * @param client the client id
		 * @return this builder
		 */
		public User client(String client) {
			this.client = client;
			return this;
		}

		/**
		 * Set the lifetime; a negative one makes an expired header.
		 * @param expiresIn the time from now to {@code exp}
		 * @return this builder
		 */
		public User expiresIn(Duration expiresIn) {
			this.expiresIn = expiresIn;
			return this;
		}

		/**
		 * Sign the header as ALB does.
		 * @return the value of {@code x-amzn-oidc-data}
		 */
		public String header() {
			long exp = Instant.now().plus(this.expiresIn).getEpochSecond();
			Map<String, Object> header = new LinkedHashMap<>();
			header.put("typ", "JWT");
			header.put("kid", TestAlb.this.key.getKeyID());
			header.put("alg", "ES256");
			header.put("iss", this.claims.get("iss"));
			header.put("client", this.client);
			header.put("signer", TestAlb.this.signerArn);
			header.put("exp", exp);
			Map<String, Object> claims = new LinkedHashMap<>(this.claims);
			claims.put("exp", exp);
			String signingInput = segment(header) + "." + segment(claims);
			try {
				byte[] signature = new ECDSASigner(TestAlb.this.key)
					.sign(new JWSHeader(JWSAlgorithm.ES256), signingInput.getBytes(StandardCharsets.US_ASCII))
					.decode();
				return signingInput + "." + Base64.getUrlEncoder().encodeToString(signature);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
