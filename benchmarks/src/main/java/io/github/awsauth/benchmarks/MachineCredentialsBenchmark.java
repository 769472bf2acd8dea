package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.awsauth.apikey.ApiKey;
import io.github.awsauth.apikey.ApiKeyAuthenticationMechanism;
import io.github.awsauth.apikey.PropertiesApiKeyStore;
import io.github.awsauth.core.InstanceIdentityHeader;
import io.github.awsauth.iid.InstanceIdentityAuthenticationMechanism;
import io.github.awsauth.iid.InstanceIdentityCredential;
import io.github.awsauth.iid.InstanceIdentityKeys;
import io.github.awsauth.iid.InstanceIdentityVerifier;
import io.github.awsauth.iid.SignatureForm;
import io.github.awsauth.iid.VerifiedDocument;
import io.github.awsauth.mtls.CertificateChainValidator;
import jakarta.servlet.http.HttpServletRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The machine credentials of issue 8, each beside its floor in the same run: an identity document
 * verified the first time (CMS rsa2048 with Bouncy Castle, and the bare {@code signature} form)
 * against one JDK RSA-2048 verify, the same document again (the cache hit), a PKIX validation of a
 * two-certificate chain, and an API-key lookup among 10 and 1,000 issued keys against one SHA-256.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MachineCredentialsBenchmark {

	private InstanceIdentityVerifier verifier;

	private InstanceIdentityCredential rsa2048;

	private InstanceIdentityCredential signature;

	private HttpServletRequest iidRequest;

	private AuthenticationConverter iidConverter;

	private AuthenticationProvider iidProvider;

	private Signature jdkRsa;

	private byte[] jdkSignature;

	private byte[] document;

	private CertificateChainValidator pkix;

	private List<X509Certificate> chain;

	private ApiKeyAuthenticationMechanism tenKeys;

	private ApiKeyAuthenticationMechanism thousandKeys;

	private HttpServletRequest apiKeyRequest;

	@Setup
	public void setUp() throws Exception {
		InstanceIdentityKeys keys = InstanceIdentityKeys.bundled();
		this.verifier = new InstanceIdentityVerifier(keys, false);
		String doc = read("document.json");
		this.rsa2048 = new InstanceIdentityCredential(doc, SignatureForm.RSA2048, read("rsa2048.b64"));
		this.signature = new InstanceIdentityCredential(doc, SignatureForm.SIGNATURE, read("signature.b64"));
		InstanceIdentityAuthenticationMechanism mechanism = new InstanceIdentityAuthenticationMechanism(this.verifier,
				InstanceIdentityAuthenticationMechanism.accountAllowlist(Map.of("692406183521", List.of("ROLE_ec2"))), Set.of(), null, null, 16384, 10_000, Clock.systemUTC());
		String header = InstanceIdentityHeader.encode(doc, "rsa2048", read("rsa2048.b64"));
		this.iidRequest = request("Authorization", header);
		this.iidConverter = mechanism.converter();
		this.iidProvider = mechanism.provider();

		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair rsaKeys = rsa.generateKeyPair();
		this.document = doc.getBytes(StandardCharsets.UTF_8);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(rsaKeys.getPrivate());
		signer.update(this.document);
		this.jdkSignature = signer.sign();
		this.jdkRsa = Signature.getInstance("SHA256withRSA");
		this.jdkRsa.initVerify(rsaKeys.getPublic());

		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair caKeys = ec.generateKeyPair();
		KeyPair leafKeys = ec.generateKeyPair();
		X509Certificate ca = certificate("CN=Partners CA", caKeys, "CN=Partners CA", caKeys, true);
		X509Certificate leaf = certificate("CN=billing-1", leafKeys, "CN=Partners CA", caKeys, false);
		this.pkix = new CertificateChainValidator(List.of(ca), List.of(), Clock.systemUTC());
		this.chain = List.of(leaf, ca);

		String key = "pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c";
		this.tenKeys = apiKeys(key, 10);
		this.thousandKeys = apiKeys(key, 1000);
		this.apiKeyRequest = request("X-Api-Key", key);
	}

	@Benchmark
	public VerifiedDocument iidRsa2048FirstSeen() {
		return this.verifier.verify(this.rsa2048);
	}

	@Benchmark
	public VerifiedDocument iidSignatureFirstSeen() {
		return this.verifier.verify(this.signature);
	}

	@Benchmark
	public Authentication iidRepeated() {
		return this.iidProvider.authenticate(this.iidConverter.convert(this.iidRequest));
	}

	@Benchmark
	public boolean jdkRsa2048Verify() throws Exception {
		this.jdkRsa.update(this.document);
		return this.jdkRsa.verify(this.jdkSignature);
	}

	@Benchmark
	public String pkixTwoCertificateChain() {
		return this.pkix.problem(this.chain);
	}

	@Benchmark
	public Authentication apiKeyAmong10() {
		return this.tenKeys.provider().authenticate(this.tenKeys.converter().convert(this.apiKeyRequest));
	}

	@Benchmark
	public Authentication apiKeyAmong1000() {
		return this.thousandKeys.provider().authenticate(this.thousandKeys.converter().convert(this.apiKeyRequest));
	}

	@Benchmark
	public byte[] sha256OfTheKey() throws Exception {
		return MessageDigest.getInstance("SHA-256").digest("pk_live_4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c".getBytes(StandardCharsets.UTF_8));
	}

	private static ApiKeyAuthenticationMechanism apiKeys(String key, int count) throws Exception {
		List<ApiKey> keys = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			keys.add(new ApiKey("other-" + i, sha256("other-key-" + i), List.of("ROLE_partner"), null, false));
		}
		keys.add(new ApiKey("partner-b", sha256(key), List.of("ROLE_partner"), null, false));
		return new ApiKeyAuthenticationMechanism(new PropertiesApiKeyStore(keys), "X-Api-Key", 512, Clock.systemUTC());
	}

	private static byte[] sha256(String value) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpServletRequest request(String header, String value) {
		return (HttpServletRequest) Proxy.newProxyInstance(MachineCredentialsBenchmark.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class },
				(proxy, method, args) -> ("getHeader".equals(method.getName()) && header.equalsIgnoreCase((String) args[0]))
						? value : null);
	}

	private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
			boolean ca) throws Exception {
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
				BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
				Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), subjectKeys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
	}

	private static String read(String name) {
		try (InputStream in = MachineCredentialsBenchmark.class.getResourceAsStream("/iid/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
