package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates the benchmarks' fakes and measurements issue: CAs, client certificates and their PEM.
 */
final class TestPki {

	private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

	private TestPki() {
	}

	/**
	 * A certificate valid from an hour ago for two days: a CA that signs certificates and CRLs, or a
	 * leaf for client authentication.
	 */
	static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
			boolean ca, String algorithm) throws Exception {
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
				BigInteger.valueOf(serials.incrementAndGet()), Date.from(now.minusSeconds(3600)),
				Date.from(now.plus(Duration.ofDays(2))), subject, subjectKeys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		if (ca) {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		}
		else {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
	}

	/** An RFC 2253 name as the JDK reads it (Bouncy Castle's string order is the reverse). */
	static X500Name name(String rfc2253) {
		return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
	}

	static KeyPair p256() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	static String pem(X509Certificate... certificates) throws IOException {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			for (X509Certificate certificate : certificates) {
				writer.writeObject(certificate);
			}
		}
		return out.toString();
	}

	/**
	 * The chain as an ALB in passthrough mode sends it in {@code X-Amzn-Mtls-Clientcert}: the PEM
	 * URL-encoded, but with {@code +}, {@code =} and {@code /} left as they are.
	 */
	static String albPassthroughHeader(X509Certificate... chain) throws IOException {
		String encoded = URLEncoder.encode(pem(chain), StandardCharsets.UTF_8).replace("+", "%20");
		return encoded.replace("%2B", "+").replace("%3D", "=").replace("%2F", "/");
	}

}
