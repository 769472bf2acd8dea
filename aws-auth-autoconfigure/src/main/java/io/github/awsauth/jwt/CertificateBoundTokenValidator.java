package io.github.awsauth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;

import io.github.awsauth.core.ClientCertificates;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * RFC 8705 certificate-bound tokens: a token whose {@code cnf} claim carries {@code x5t#S256} is
 * accepted only on a request whose verified client certificate ({@link ClientCertificates}: the TLS
 * connection's, or the one the mTLS mechanism validated from the ALB's headers) has that SHA-256
 * thumbprint. A token without {@code cnf} is not affected.
 */
final class CertificateBoundTokenValidator implements OAuth2TokenValidator<Jwt> {

	private static final String THUMBPRINT = "x5t#S256";

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		if (!(token.getClaims().get("cnf") instanceof Map<?, ?> confirmation)
				|| confirmation.get(THUMBPRINT) == null) {
			return OAuth2TokenValidatorResult.success();
		}
		X509Certificate certificate = currentCertificate();
		if (certificate == null) {
			return failure("The token is bound to a client certificate, and the request has none");
		}
		byte[] expected = String.valueOf(confirmation.get(THUMBPRINT)).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = ClientCertificates.sha256Thumbprint(certificate).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual) ? OAuth2TokenValidatorResult.success()
				: failure("The token is bound to another client certificate");
	}

	static @Nullable X509Certificate currentCertificate() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return null;
		}
		HttpServletRequest request = servlet.getRequest();
		return ClientCertificates.leaf(request);
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
