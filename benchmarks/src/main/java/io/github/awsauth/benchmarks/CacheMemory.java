package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.alb.AlbPublicKeys;
import io.github.awsauth.alb.AlbTokenVerifier;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.InstanceIdentityHeader;
import io.github.awsauth.core.RequestCredentials;
import io.github.awsauth.iam.IamAuthenticationMechanism;
import io.github.awsauth.iid.InstanceIdentityAuthenticationMechanism;
import io.github.awsauth.iid.InstanceIdentityKeys;
import io.github.awsauth.iid.InstanceIdentityVerifier;
import io.github.awsauth.iid.SignatureForm;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TokenUse;
import io.github.awsauth.jwt.TrustedIssuer;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;
import io.github.awsauth.mtls.CertificateChainValidator;
import io.github.awsauth.mtls.MtlsAuthenticationMechanism;
import io.github.awsauth.mtls.MtlsProperties;
import io.github.awsauth.mtls.MtlsSource;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.bouncycastle.asn1.x500.X500Name;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The heap the verified-credential caches take for N distinct credentials: the used heap after a
 * full collection with N Cognito-shaped access tokens remembered by the JWT decoder, with N ALB
 * headers remembered by the ALB verifier, and with STS's answers for N (at most 10,000: STS is asked
 * once for each) EKS-form IAM tokens (each
 * signed with another access key, asked of a loopback STS) remembered by the IAM mechanism, with N
 * identity documents (each another instance, signed in the {@code signature} form with a key made
 * here and trusted for the region) remembered by the instance-identity mechanism, and with N client
 * certificate chains (each another leaf of one CA, sent as an ALB in passthrough mode sends them)
 * remembered by the mTLS filter and mechanism, against the heap with the credentials alone (the
 * test's own list of them), divided by N.
 * <pre>
 * java -Xmx4g -cp benchmarks.jar io.github.awsauth.benchmarks.CacheMemory [N [CACHES]]
 * </pre>
 * N defaults to 100000; CACHES, a comma-separated subset of {@code jwt,alb,iam,instance-identity,mtls},
 * to all of them.
 */
public final class CacheMemory {

	private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench";

	private static final String SIGNER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/mem/50dc6c495c0c9188";

	/** An identity document as IMDS serves it, of instance {@code %x} at address 10.0.%d.%d. */
	private static final String IDENTITY_DOCUMENT = """
			{
			  "accountId" : "123456789012",
			  "architecture" : "x86_64",
			  "availabilityZone" : "eu-west-1a",
			  "billingProducts" : null,
			  "devpayProductCodes" : null,
			  "imageId" : "ami-0b8cef13a6b8cef13",
			  "instanceId" : "i-%017x",
			  "instanceType" : "t3.micro",
			  "kernelId" : null,
			  "marketplaceProductCodes" : null,
			  "pendingTime" : "2026-11-30T12:30:58Z",
			  "privateIp" : "10.0.%d.%d",
			  "ramdiskId" : null,
			  "region" : "eu-west-1",
			  "version" : "2017-09-30"
			}""";

	private CacheMemory() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		Set<String> caches = (args.length > 1) ? Set.of(args[1].split(","))
				: Set.of("jwt", "alb", "iam", "instance-identity", "mtls");
		CryptoProvider crypto = CryptoProvider.of(CryptoProvider.Choice.AUTO);
		System.out.printf("%d credentials, verified with %s%n", count, crypto.name());
		if (caches.contains("jwt")) {
			jwt(count, crypto);
		}
		if (caches.contains("alb")) {
			alb(count, crypto);
		}
		if (caches.contains("iam")) {
			iam(Math.min(count, 10_000)); // one loopback STS call each, about 40 ms apiece here
		}
		if (caches.contains("instance-identity")) {
			instanceIdentity(count, crypto);
		}
		if (caches.contains("mtls")) {
			mtls(count);
		}
	}

	private static void jwt(int count, CryptoProvider crypto) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("mem").generate();
		RSASSASigner signer = new RSASSASigner(key);
		signer.getJCAContext().setProvider(crypto.provider());
		Instant now = Instant.now();
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
				.subject(UUID.randomUUID().toString())
				.claim("token_use", "access")
				.claim("client_id", "app-client")
				.claim("username", "user-" + i)
				.claim("cognito:groups", List.of("readers"))
				.claim("scope", "orders.read orders.write")
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(3600)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("mem").build(), claims);
			jwt.sign(signer);
			tokens.add(jwt.serialize());
		}
		JwtProperties properties = new JwtProperties();
		properties.setVerifiedCacheSize(count);
		String jwks = new JWKSet(key.toPublicJWK()).toString();
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(properties,
				(url) -> new Resource(jwks, "application/json"), Clock.systemUTC(), List.of(), List.of());
		factory.setCryptoProvider(crypto);
		JwtDecoder decoder = factory.create(List.of(new TrustedIssuer(ISSUER, CognitoUserPool.jwkSetUri(ISSUER),
				Set.of("app-client"), TokenUse.ACCESS, true)));
		AwsJwtAuthenticationConverter principals = new AwsJwtAuthenticationConverter(
				new ClaimAuthorities("cognito:groups", "ROLE_", "SCOPE_"), null, Set.of(ISSUER), count);
		measure("JWT (Cognito access token, " + tokens.get(0).length() + " characters, with its principal)", tokens,
				(token) -> principals.convert(decoder.decode(token)));
	}

	private static void alb(int count, CryptoProvider crypto) throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		ECDSASigner signer = new ECDSASigner(key);
		signer.getJCAContext().setProvider(crypto.provider());
		String kid = UUID.randomUUID().toString();
		long exp = Instant.now().plusSeconds(3600).getEpochSecond();
		List<String> headers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, Object> header = new LinkedHashMap<>();
			header.put("typ", "JWT");
			header.put("kid", kid);
			header.put("alg", "ES256");
			header.put("signer", SIGNER);
			header.put("exp", exp);
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("sub", UUID.randomUUID().toString());
			claims.put("email", "user-" + i + "@example.com");
			claims.put("email_verified", "true");
			claims.put("username", "user-" + i);
			claims.put("exp", exp);
			String input = padded(JSONObjectUtils.toJSONString(header)) + "."
					+ padded(JSONObjectUtils.toJSONString(claims));
			byte[] signature = signer.sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII))
				.decode();
			headers.add(input + "." + Base64.getUrlEncoder().encodeToString(signature));
		}
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.toECPublicKey().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try (LoopbackServer keys = new LoopbackServer("text/plain", pem)) {
			AlbTokenVerifier verifier = new AlbTokenVerifier(
					new AlbPublicKeys(keys.url() + "/{kid}", Duration.ofSeconds(2), 100, Duration.ofSeconds(10), 5,
							crypto, Clock.systemUTC()),
					List.of(SIGNER), null, List.of(), Duration.ofSeconds(60), crypto, count, Clock.systemUTC());
			measure("ALB header (" + headers.get(0).length() + " characters)", headers, verifier::verify);
		}
	}

	private static void iam(int count) throws Exception {
		try (LoopbackServer sts = new LoopbackServer("text/xml", IamCachedTokenBenchmark.STS_ANSWER)) {
			URI endpoint = URI.create(sts.url());
			List<String> tokens = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				tokens.add(IamCachedTokenBenchmark.token(endpoint, "AKIDWORKER" + i));
			}
			IamAuthenticationMechanism mechanism = IamCachedTokenBenchmark.mechanism(endpoint, count);
			AuthenticationConverter converter = mechanism.converter();
			AuthenticationProvider provider = mechanism.provider();
			measure("IAM token (EKS form, " + tokens.get(0).length()
					+ " characters; STS's answer and its principal remembered)", tokens,
					(token) -> provider.authenticate(converter.convert(IamCachedTokenBenchmark.requestWith(token))));
			if (mechanism.identityStatistics().misses() != count) {
				throw new IllegalStateException("STS was asked again for a remembered token");
			}
		}
	}

	private static void instanceIdentity(int count, CryptoProvider crypto) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair aws = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Amazon Web Services LLC");
		InstanceIdentityKeys keys = InstanceIdentityKeys.bundled()
			.with(SignatureForm.SIGNATURE, "eu-west-1", TestPki.certificate(name, aws, name, aws, true, "SHA256withRSA"));
		Signature signer = crypto.signature("SHA256withRSA");
		signer.initSign(aws.getPrivate());
		List<String> headers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String document = IDENTITY_DOCUMENT.formatted(i, (i >> 8) & 0xFF, i & 0xFF);
			signer.update(document.getBytes(StandardCharsets.UTF_8));
			headers.add(InstanceIdentityHeader.encode(document, "signature",
					Base64.getEncoder().encodeToString(signer.sign())));
		}
		InstanceIdentityAuthenticationMechanism mechanism = new InstanceIdentityAuthenticationMechanism(
				new InstanceIdentityVerifier(keys, false, crypto),
				InstanceIdentityAuthenticationMechanism.accountAllowlist(Map.of("123456789012", List.of("ROLE_ec2"))),
				Set.of(), null, null, 16_384, count, Clock.systemUTC());
		AuthenticationConverter converter = mechanism.converter();
		AuthenticationProvider provider = mechanism.provider();
		measure("Identity document (" + headers.get(0).length() + " characters, signature form, with its principal)",
				headers, (header) -> provider.authenticate(converter.convert(request("Authorization", header))));
	}

	private static void mtls(int count) throws Exception {
		KeyPair caKeys = TestPki.p256();
		KeyPair leafKeys = TestPki.p256();
		X500Name caName = TestPki.name("CN=Partners CA,O=Example");
		X509Certificate ca = TestPki.certificate(caName, caKeys, caName, caKeys, true, "SHA256withECDSA");
		List<String> headers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			X509Certificate leaf = TestPki.certificate(TestPki.name("CN=partner-" + i + ",O=Example"), leafKeys, caName,
					caKeys, false, "SHA256withECDSA");
			headers.add(TestPki.albPassthroughHeader(leaf, ca));
		}
		MtlsProperties properties = new MtlsProperties();
		properties.setSource(MtlsSource.ALB_PASSTHROUGH);
		properties.setTrustedProxies(List.of("127.0.0.1"));
		properties.setSubjects(Map.of("CN=*,O=Example", List.of("ROLE_partner")));
		properties.setVerifiedCacheSize(count);
		MtlsAuthenticationMechanism mechanism = new MtlsAuthenticationMechanism(properties,
				new CertificateChainValidator(List.of(ca), List.of(), Clock.systemUTC()));
		Filter certificates = mechanism.preparingFilter();
		AuthenticationConverter converter = mechanism.converter();
		AuthenticationProvider provider = mechanism.provider();
		measure("Client certificate chain (leaf and CA, P-256, " + headers.get(0).length()
				+ " characters, with its principal)", headers, (header) -> {
					MockHttpServletRequest request = request(properties.getHeaders().getClientCert(), header);
					RequestCredentials.found(request, mechanism, true);
					try {
						certificates.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
					}
					catch (IOException | ServletException ex) {
						throw new IllegalStateException(ex);
					}
					return provider.authenticate(converter.convert(request));
				});
	}

	private static MockHttpServletRequest request(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr("127.0.0.1");
		request.addHeader(header, value);
		return request;
	}

	/**
	 * The heap a verifier's cache takes for the credentials: the first is verified before the
	 * measurement (so that the verifier's own state is in both readings), and the last again
	 * after it (so that the verifier stays reachable until the second reading).
	 */
	private static void measure(String what, List<String> credentials, Function<String, ?> verify)
			throws InterruptedException {
		verify.apply(credentials.get(0));
		long before = usedHeap();
		credentials.forEach(verify::apply);
		long after = usedHeap();
		System.out.printf("%s: %.1f MiB for %d remembered, %.0f bytes each%n", what, (after - before) / 1048576.0,
				credentials.size(), (after - before) / (double) credentials.size());
		if (verify.apply(credentials.get(credentials.size() - 1)) == null) {
			throw new IllegalStateException("a remembered credential was not verified");
		}
	}

	private static long usedHeap() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static String padded(String json) {
		return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
