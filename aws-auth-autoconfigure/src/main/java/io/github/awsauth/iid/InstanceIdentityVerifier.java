package io.github.awsauth.iid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.CryptoProvider;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.jspecify.annotations.Nullable;

/**
 * Verifies an identity document's signature with AWS's key for the region the document names, so
 * that a document signed with another region's key does not verify. {@code rsa2048} and
 * {@code pkcs7} are CMS SignedData (BER, no certificates inside), verified with Bouncy Castle, and
 * their signed content must be the document byte for byte; {@code signature} is RSA PKCS#1 v1.5
 * over SHA-256 of the document's bytes. The SHA-1 {@code pkcs7} form is refused unless allowed.
 * Nothing of the document is believed before its signature verified.
 */
public class InstanceIdentityVerifier {

	private static final String SHA1 = "1.3.14.3.2.26";

	/** SHA-256, SHA-384, SHA-512. */
	private static final Set<String> STRONG_DIGESTS = Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2",
			"2.16.840.1.101.3.4.2.3");

	/** Genuine signatures are under 2 KB; a cap keeps a deeply nested BER structure from the parser. */
	private static final int MAX_SIGNATURE = 8 * 1024;

	private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

	/** An AWS account id; the allowlist keys are checked with it too. */
	static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

	private final InstanceIdentityKeys keys;

	private final boolean allowSha1;

	private final CryptoProvider crypto;

	/** AWS's keys as the provider's own, made once each (there is one per region and form). */
	private final Map<PublicKey, PublicKey> readyKeys = new ConcurrentHashMap<>();

	/**
	 * Create the verifier, verifying with the JDK's providers.
	 * @param keys AWS's keys
	 * @param allowSha1 whether the DSA/SHA-1 {@code pkcs7} form is accepted
	 */
	public InstanceIdentityVerifier(InstanceIdentityKeys keys, boolean allowSha1) {
		this(keys, allowSha1, CryptoProvider.jdk());
	}

	/**
	 * Create the verifier.
	 * @param keys AWS's keys
	 * @param allowSha1 whether the DSA/SHA-1 {@code pkcs7} form is accepted
	 * @param crypto the provider of the {@code signature} form's RSA check (the CMS forms are
	 * checked by Bouncy Castle with the JDK's providers)
	 */
	public InstanceIdentityVerifier(InstanceIdentityKeys keys, boolean allowSha1, CryptoProvider crypto) {
		this.keys = keys;
		this.allowSha1 = allowSha1;
		this.crypto = crypto;
	}

	/**
	 * Verify a document.
	 * @param credential the document and its signature
	 * @return the verified document
	 * @throws AwsAuthenticationException (401) if it does not verify
	 */
	public VerifiedDocument verify(InstanceIdentityCredential credential) {
		Map<String, Object> fields = fields(credential.document());
		String region = field(fields, "region", REGION);
		PublicKey key = this.keys.keyFor(credential.form(), region);
		if (key == null) {
			throw invalid(AuthenticationFailureReason.UNKNOWN_KEY, "no AWS key is known for region " + region);
		}
		byte[] document = credential.document().getBytes(StandardCharsets.UTF_8);
		byte[] signature = base64(credential.signature());
		if (signature.length > MAX_SIGNATURE) {
			throw invalid(AuthenticationFailureReason.TOO_LARGE, "the signature is larger than any AWS signature");
		}
		if (credential.form() == SignatureForm.SIGNATURE) {
			verifyRsaSignature(key, document, signature);
		}
		else {
			verifyCms(key, document, signature);
		}
		Map<String, Object> present = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (value != null) {
				present.put(name, value);
			}
		});
		return new VerifiedDocument(field(fields, "instanceId", INSTANCE_ID), field(fields, "accountId", ACCOUNT_ID),
				region, pendingTime(fields), credential.form(), present);
	}

	private void verifyCms(PublicKey key, byte[] document, byte[] der) {
		SignerInformation signer;
		try {
			CMSSignedData cms = new CMSSignedData(der);
			CMSProcessable content = cms.getSignedContent();
			if (content == null || !(content.getContent() instanceof byte[] signed)
					|| !MessageDigest.isEqual(signed, document)) {
				throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signed content is not the document");
			}
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				throw invalid("the signature must have exactly one signer");
			}
			signer = signers.iterator().next();
		}
		catch (CMSException | RuntimeException | StackOverflowError ex) {
			if (ex instanceof AwsAuthenticationException rejected) {
				throw rejected;
			}
			throw invalid(AuthenticationFailureReason.MALFORMED, "the signature is not CMS SignedData");
		}
		String digest = signer.getDigestAlgOID();
		if (SHA1.equals(digest) && !this.allowSha1) {
			throw invalid("the SHA-1 (pkcs7) form is not accepted; send the rsa2048 signature");
		}
		if (!SHA1.equals(digest) && !STRONG_DIGESTS.contains(digest)) {
			throw invalid("the signature's digest algorithm is not accepted");
		}
		try {
			if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key))) {
				throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not verify");
			}
		}
		catch (CMSException | OperatorCreationException | RuntimeException ex) {
			if (ex instanceof AwsAuthenticationException rejected) {
				throw rejected;
			}
			throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not verify");
		}
	}

	private void verifyRsaSignature(PublicKey key, byte[] document, byte[] signature) {
		try {
			Signature rsa = this.crypto.signature("SHA256withRSA");
			rsa.initVerify(this.readyKeys.computeIfAbsent(key, this::ready));
			rsa.update(document);
			if (!rsa.verify(signature)) {
				throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not verify");
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			if (ex instanceof AwsAuthenticationException rejected) {
				throw rejected;
			}
			throw invalid(AuthenticationFailureReason.BAD_SIGNATURE, "the signature does not verify");
		}
	}

	private PublicKey ready(PublicKey key) {
		try {
			return this.crypto.publicKey(key);
		}
		catch (GeneralSecurityException ex) {
			return key;
		}
	}

	private static Map<String, Object> fields(String document) {
		Map<String, Object> fields;
		try {
			fields = JSONObjectUtils.parse(document);
		}
		catch (ParseException | RuntimeException ex) {
			fields = null;
		}
		if (fields == null) {
			// Nimbus reads "null" as no object at all (a fuzzing finding)
			throw invalid(AuthenticationFailureReason.MALFORMED, "the document is not a JSON object");
		}
		return fields;
	}

	private static String field(Map<String, Object> fields, String name, Pattern pattern) {
		if (!(fields.get(name) instanceof String value) || !pattern.matcher(value).matches()) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the document has no valid " + name);
		}
		return value;
	}

	private static @Nullable Instant pendingTime(Map<String, Object> fields) {
		if (!(fields.get("pendingTime") instanceof String value)) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the document's pendingTime is not a time");
		}
	}

	/** The body as IMDS returns it: base64 with line breaks, which are the only whitespace allowed. */
	private static byte[] base64(String body) {
		try {
			return Base64.getDecoder().decode(body.replace("\r", "").replace("\n", ""));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(AuthenticationFailureReason.MALFORMED, "the signature is not base64");
		}
	}

	private static AwsAuthenticationException invalid(String reason) {
		return InstanceIdentityCredential.invalid(reason);
	}

	private static AwsAuthenticationException invalid(AuthenticationFailureReason why, String reason) {
		return InstanceIdentityCredential.invalid(why, reason);
	}

}
