package io.github.awsauth.mtls;

import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

/**
 * A client certificate that was verified (by the container, by this service against its trust
 * store, or by the ALB), before the allowlist is asked.
 *
 * @param subject the leaf's subject, RFC 2253
 * @param issuer the leaf's issuer, RFC 2253
 * @param serialNumber the leaf's serial number, hexadecimal
 * @param leaf the leaf certificate, or {@code null} when the ALB forwarded only its names
 */
public record PresentedCertificate(String subject, String issuer, String serialNumber,
		@Nullable X509Certificate leaf) {

	static PresentedCertificate of(X509Certificate leaf) {
		return new PresentedCertificate(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
				leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
				leaf.getSerialNumber().toString(16), leaf);
	}

}
