package io.github.awsauth.mtls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Validates a client certificate chain with the JDK's PKIX validator against the configured CAs:
 * signatures up to a trusted CA, validity dates, basic constraints, the CRLs when there are some,
 * and a leaf whose extended key usage (if it has one) allows client authentication. An ALB in
 * passthrough mode checks none of this.
 */
public final class CertificateChainValidator {

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final String ANY_USAGE = "2.5.29.37.0";

	private final Set<TrustAnchor> anchors;

	private final List<X509CRL> crls;

	private final Clock clock;

	/**
	 * Create a validator.
	 * @param authorities the CAs that issue client certificates
	 * @param crls their revocation lists, checked when not empty
	 * @param clock the time the dates are checked at
	 */
	public CertificateChainValidator(List<X509Certificate> authorities, List<X509CRL> crls, Clock clock) {
		if (authorities.isEmpty()) {
			throw new IllegalArgumentException("no certificate authority to validate against");
		}
		this.anchors = authorities.stream().map((ca) -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
		this.crls = List.copyOf(crls);
		this.clock = clock;
	}

	/**
	 * Validate a chain.
	 * @param chain the chain, leaf first, with or without the CA
	 * @return why it is not valid, or {@code null} when it is
	 */
	public @Nullable String problem(List<X509Certificate> chain) {
		List<X509Certificate> path = new ArrayList<>(chain);
		// the path ends below the anchor: a CA the client sent along is not part of it
		path.removeIf((certificate) -> this.anchors.stream().anyMatch((anchor) -> anchor.getTrustedCert().equals(certificate)));
		if (path.isEmpty()) {
			return "the client sent only a certificate authority";
		}
		try {
			PKIXParameters parameters = new PKIXParameters(this.anchors);
			parameters.setDate(Date.from(this.clock.instant()));
			parameters.setRevocationEnabled(!this.crls.isEmpty());
			if (!this.crls.isEmpty()) {
				parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(this.crls)));
			}
			CertPathValidator.getInstance("PKIX")
				.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
		}
		catch (CertPathValidatorException ex) {
			return describe(ex);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return "the certificate chain cannot be validated";
		}
		return usage(path.get(0));
	}

	/**
	 * Until when a chain that passed stays valid as far as this validator can tell: the earliest
	 * expiry of its certificates, and no later than the next update of a revocation list.
	 * @param chain a chain that passed
	 * @return the time its validation stops standing
	 */
	public Instant validUntil(List<X509Certificate> chain) {
		Instant until = Instant.MAX;
		for (X509Certificate certificate : chain) {
			until = earlier(until, certificate.getNotAfter().toInstant());
		}
		for (X509CRL crl : this.crls) {
			until = earlier(until, (crl.getNextUpdate() != null) ? crl.getNextUpdate().toInstant() : Instant.MIN);
		}
		return until;
	}

	/**
	 * The clock the dates are checked at.
	 * @return the clock
	 */
	Clock clock() {
		return this.clock;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static @Nullable String usage(X509Certificate leaf) {
		try {
			List<String> usages = leaf.getExtendedKeyUsage();
			if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
				return "the certificate is not for client authentication";
			}
			return null;
		}
		catch (java.security.cert.CertificateParsingException ex) {
			return "the certificate's key usage cannot be read";
		}
	}

	private static String describe(CertPathValidatorException ex) {
		if (ex.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
			return "the certificate has expired";
		}
		if (ex.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
			return "the certificate is not yet valid";
		}
		if (ex.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
			return "the certificate is revoked";
		}
		return "the certificate is not issued by a trusted authority";
	}

}
