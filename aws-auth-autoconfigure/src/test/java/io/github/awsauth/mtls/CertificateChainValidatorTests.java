package io.github.awsauth.mtls;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PKIX validation of a passthrough chain, with the CA's revocation list.
 */
class CertificateChainValidatorTests {

	private static final TestCertificates.Issued ca = TestCertificates.ca("CN=Partners CA,O=Example");

	@Test
	void revokedCertificateIsRefusedWhileItsSiblingPasses() throws Exception {
		TestCertificates.Issued revoked = TestCertificates.leaf(ca, "CN=billing-1,O=Example");
		TestCertificates.Issued valid = TestCertificates.leaf(ca, "CN=billing-2,O=Example");
		CertificateChainValidator validator = new CertificateChainValidator(List.of(ca.certificate()),
				List.of(crl(revoked.certificate().getSerialNumber())), Clock.systemUTC());
		assertThat(validator.problem(List.of(revoked.certificate()))).isEqualTo("the certificate is revoked");
		assertThat(validator.problem(List.of(valid.certificate()))).isNull();
	}

	@Test
	void withoutTheCrlTheSameCertificatePasses() {
		TestCertificates.Issued certificate = TestCertificates.leaf(ca, "CN=billing-3,O=Example");
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(), Clock.systemUTC())
			.problem(List.of(certificate.certificate()))).isNull();
	}

	@Test
	void datesAreCheckedAtTheValidatorsClock() {
		TestCertificates.Issued certificate = TestCertificates.leaf(ca, "CN=billing-4,O=Example");
		Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(60));
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(), later)
			.problem(List.of(certificate.certificate()))).isEqualTo("the certificate has expired");
	}

	@Test
	void aChainOfOnlyTheCaIsNotAClient() {
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(), Clock.systemUTC())
			.problem(List.of(ca.certificate()))).contains("only a certificate authority");
	}

	@Test
	void validationStandsUntilTheEarliestExpiryAndTheCrlsNextUpdate() throws Exception {
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		TestCertificates.Issued leaf = TestCertificates.leaf(ca, "CN=billing-5,O=Example", now.minusSeconds(60),
				now.plus(Duration.ofDays(10)), org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth, null);
		List<X509Certificate> chain = List.of(leaf.certificate(), ca.certificate());
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(), Clock.systemUTC())
			.validUntil(chain)).as("the leaf expires before the CA").isEqualTo(now.plus(Duration.ofDays(10)));
		X509CRL weekly = crl(BigInteger.TEN, Duration.ofDays(7));
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(weekly), Clock.systemUTC())
			.validUntil(chain)).isEqualTo(weekly.getNextUpdate().toInstant());
		assertThat(new CertificateChainValidator(List.of(ca.certificate()), List.of(crl(BigInteger.TEN, null)),
				Clock.systemUTC())
			.validUntil(chain)).as("a CRL without a next update").isEqualTo(Instant.MIN);
	}

	private static X509CRL crl(BigInteger revokedSerial) throws Exception {
		return crl(revokedSerial, Duration.ofDays(7));
	}

	private static X509CRL crl(BigInteger revokedSerial, Duration nextUpdate) throws Exception {
		Instant now = Instant.now();
		X509v2CRLBuilder builder = new X509v2CRLBuilder(
				X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
		if (nextUpdate != null) {
			builder.setNextUpdate(Date.from(now.plus(nextUpdate)));
		}
		builder.addCRLEntry(revokedSerial, Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
		return new JcaX509CRLConverter()
			.getCRL(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.keys().getPrivate())));
	}

}
