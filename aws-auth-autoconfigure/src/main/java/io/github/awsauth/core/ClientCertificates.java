package io.github.awsauth.core;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The verified client certificate of a request, where the servlet specification keeps it
 * ({@code jakarta.servlet.request.X509Certificate}, leaf first): put there by the container for a
 * TLS client certificate, or by the mTLS mechanism after validating an ALB's certificate headers.
 */
public final class ClientCertificates {

	/** The servlet request attribute of the client certificate chain. */
	public static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private ClientCertificates() {
	}

	/**
	 * The leaf certificate of a request.
	 * @param request the request
	 * @return the certificate, or {@code null} when the request has none
	 */
	public static @Nullable X509Certificate leaf(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) ? chain[0]
				: null;
	}

	/**
	 * The RFC 8705 thumbprint of a certificate: base64url (no padding) of the SHA-256 of its DER,
	 * as in a token's {@code cnf.x5t#S256}.
	 * @param certificate the certificate
	 * @return the thumbprint
	 */
	public static String sha256Thumbprint(X509Certificate certificate) {
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(certificate.getEncoded()));
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("the certificate cannot be hashed", ex);
		}
	}

}
