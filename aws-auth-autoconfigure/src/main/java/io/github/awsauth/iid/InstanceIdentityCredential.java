package io.github.awsauth.iid;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.InstanceIdentityHeader;

/**
 * An identity document and one of its signatures, as read from an {@code AWS-IID} header
 * ({@link InstanceIdentityHeader}), not yet verified.
 *
 * @param document the document text exactly as sent
 * @param form the signature form
 * @param signature the signature's base64 body as sent, line breaks included
 */
public record InstanceIdentityCredential(String document, SignatureForm form, String signature) {

	/**
	 * Read an {@code Authorization} header value.
	 * @param authorization the header value, of the {@code AWS-IID} scheme, whose size the caller
	 * has bounded
	 * @return the credential
	 * @throws AwsAuthenticationException (401) if it cannot be read
	 */
	public static InstanceIdentityCredential parse(String authorization) {
		String encoded = authorization.substring(InstanceIdentityHeader.SCHEME.length() + 1).strip();
		Map<String, Object> fields;
		try {
			byte[] json = Base64.getUrlDecoder().decode(encoded);
			fields = JSONObjectUtils.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException | ParseException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the credential is not base64url of a JSON object");
		}
		if (fields == null || !(fields.get(InstanceIdentityHeader.DOCUMENT) instanceof String document)) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the credential has no document");
		}
		SignatureForm form = null;
		String signature = null;
		for (String field : InstanceIdentityHeader.SIGNATURE_FIELDS) {
			Object value = fields.get(field);
			if (value == null) {
				continue;
			}
			if (form != null || !(value instanceof String text)) {
				throw invalid(AuthenticationFailureReason.AMBIGUOUS,
						"the credential must carry exactly one signature (rsa2048, pkcs7 or signature)");
			}
			form = SignatureForm.ofField(field);
			signature = text;
		}
		if (form == null) {
			throw invalid(AuthenticationFailureReason.MALFORMED,
					"the credential carries no signature (rsa2048, pkcs7 or signature)");
		}
		if (fields.size() != 2) {
			throw invalid(AuthenticationFailureReason.MALFORMED,
					"the credential has fields other than the document and one signature");
		}
		return new InstanceIdentityCredential(document, form, signature);
	}

	static AwsAuthenticationException invalid(String reason) {
		return invalid(AuthenticationFailureReason.INVALID, reason);
	}

	static AwsAuthenticationException invalid(AuthenticationFailureReason why, String reason) {
		return AwsAuthenticationException.invalid(why, "Invalid instance identity: " + reason);
	}

}
