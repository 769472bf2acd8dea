package io.github.awsauth.iid;

import java.util.Locale;

/**
 * The three signatures IMDS serves for the identity document, each named after its path under
 * {@code /latest/dynamic/instance-identity/}.
 */
public enum SignatureForm {

	/** CMS SignedData with RSA-2048 and SHA-256: the one to use. */
	RSA2048,

	/** CMS SignedData with DSA-1024 and SHA-1: refused unless {@code allow-sha1}. */
	PKCS7,

	/** A bare RSA-1024 PKCS#1 v1.5 signature over SHA-256 of the document. */
	SIGNATURE;

	/**
	 * The IMDS path and wire field of this form, for example {@code rsa2048}.
	 * @return the name
	 */
	public String field() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The form of a wire field.
	 * @param field {@code rsa2048}, {@code pkcs7} or {@code signature}
	 * @return the form
	 */
	public static SignatureForm ofField(String field) {
		for (SignatureForm form : values()) {
			if (form.field().equals(field)) {
				return form;
			}
		}
		throw new IllegalArgumentException("not a signature form: " + field);
	}

}
