package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The wire form of an EC2 instance identity document on a request, shared by the outbound
 * interceptor that writes it and the mechanism that reads it:
 * {@code Authorization: AWS-IID <base64url without padding of a JSON object>}, the object holding
 * {@code "document"} (the document exactly as IMDS returns it) and one of {@code "rsa2048"},
 * {@code "pkcs7"} or {@code "signature"} (that IMDS path's body exactly as returned).
 */
public final class InstanceIdentityHeader {

	/** The authorization scheme. */
	public static final String SCHEME = "AWS-IID";

	/** The field that holds the document. */
	public static final String DOCUMENT = "document";

	/** The fields that may hold the signature, each named after its IMDS path. */
	public static final List<String> SIGNATURE_FIELDS = List.of("rsa2048", "pkcs7", "signature");

	private InstanceIdentityHeader() {
	}

	/**
	 * The {@code Authorization} header value for a document and one signature.
	 * @param document the document text as IMDS returned it
	 * @param signatureField one of {@link #SIGNATURE_FIELDS}
	 * @param signature the body of that IMDS path as returned
	 * @return the header value
	 */
	public static String encode(String document, String signatureField, String signature) {
		if (!SIGNATURE_FIELDS.contains(signatureField)) {
			throw new IllegalArgumentException("not a signature field: " + signatureField);
		}
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put(DOCUMENT, document);
		credential.put(signatureField, signature);
		byte[] json = JSONObjectUtils.toJSONString(credential).getBytes(StandardCharsets.UTF_8);
		return SCHEME + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
	}

	/**
	 * Whether an {@code Authorization} header value is of this scheme (case-insensitive).
	 * @param authorization the header value, or {@code null}
	 * @return whether it is
	 */
	public static boolean isInstanceIdentity(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1);
	}

}
