package io.github.awsauth.mtls;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.springframework.web.util.UriUtils;

/**
 * Certificates the mTLS tests make: a CA, leaves it issues (valid, expired, not yet valid, for
 * servers only), a rogue CA with the same name, self-signed leaves.
 */
public final class TestCertificates {

	private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

	public record Issued(X509Certificate certificate, KeyPair keys) {

		public String pem() {
			return TestCertificates.pem(this.certificate);
		}

	}

	private TestCertificates() {
	}

	public static Issued ca(String name) {
		KeyPair keys = keys();
		return new Issued(build(name, keys, name(name), keys, Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(365)), true, null, null), keys);
	}

	public static Issued leaf(Issued ca, String subject) {
		return leaf(ca, subject, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30)),
				KeyPurposeId.id_kp_clientAuth, null);
	}

	public static Issued leaf(Issued ca, String subject, Instant notBefore, Instant notAfter, KeyPurposeId usage,
			String dnsName) {
		KeyPair keys = keys();
		return new Issued(build(subject, keys,
				X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keys(),
				notBefore, notAfter, false, usage, dnsName), keys);
	}

	public static Issued selfSigned(String subject) {
		KeyPair keys = keys();
		return new Issued(build(subject, keys, name(subject), keys, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(30)), false, KeyPurposeId.id_kp_clientAuth, null), keys);
	}

	public static String pem(X509Certificate... certificates) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			for (X509Certificate certificate : certificates) {
				writer.writeObject(certificate);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/** The chain as an ALB sends it: URL-encoded PEM with {@code +}, {@code =} and {@code /} left as they are. */
	public static String albHeader(X509Certificate... chain) {
		String encoded = UriUtils.encode(pem(chain), StandardCharsets.UTF_8);
		return encoded.replace("%2B", "+").replace("%3D", "=").replace("%2F", "/");
	}

	/** An RFC 2253 name as the JDK reads it (Bouncy Castle's string order is the reverse). */
	private static X500Name name(String rfc2253) {
		return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
	}

	private static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static X509Certificate build(String subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
			Instant notBefore, Instant notAfter, boolean ca, KeyPurposeId usage, String dnsName) {
		try {
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
					name(subject), subjectKeys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			if (ca) {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			}
			else {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
			}
			if (dnsName != null) {
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
