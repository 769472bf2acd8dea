package io.github.awsauth.iid;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.Corretto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.awsauth.iid.IidFixtures.AP_SOUTHEAST_2;
import static io.github.awsauth.iid.IidFixtures.US_EAST_1;
import static io.github.awsauth.iid.IidFixtures.US_EAST_2;
import static io.github.awsauth.iid.IidFixtures.US_WEST_2;
import static io.github.awsauth.iid.IidFixtures.credential;
import static io.github.awsauth.iid.IidFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Genuine AWS-signed documents in all three forms verify with the bundled keys; anything changed,
 * mixed or weak does not.
 */
class InstanceIdentityVerifierTests {

	private static final InstanceIdentityKeys KEYS = InstanceIdentityKeys.bundled();

	private final InstanceIdentityVerifier verifier = new InstanceIdentityVerifier(KEYS, false);

	private final InstanceIdentityVerifier sha1Allowed = new InstanceIdentityVerifier(KEYS, true);

	@ParameterizedTest
	@CsvSource({ US_WEST_2 + ",RSA2048,i-0a30e04d85e6f8793,692406183521,us-west-2",
			US_WEST_2 + ",SIGNATURE,i-0a30e04d85e6f8793,692406183521,us-west-2",
			AP_SOUTHEAST_2 + ",RSA2048,i-0c5541936caf78c12,189292791360,ap-southeast-2",
			AP_SOUTHEAST_2 + ",SIGNATURE,i-0c5541936caf78c12,189292791360,ap-southeast-2",
			US_EAST_2 + ",RSA2048,i-075f088c72ad3271c,437526006925,us-east-2",
			US_EAST_2 + ",SIGNATURE,i-075f088c72ad3271c,437526006925,us-east-2" })
	void genuineDocumentVerifiesAndNamesItsInstance(String set, SignatureForm form, String instance, String account,
			String region) {
		VerifiedDocument document = this.verifier.verify(credential(set, form));
		assertThat(document.instanceId()).isEqualTo(instance);
		assertThat(document.accountId()).isEqualTo(account);
		assertThat(document.region()).isEqualTo(region);
		assertThat(document.form()).isEqualTo(form);
		assertThat(document.fields()).containsEntry("instanceId", instance).containsKey("imageId")
			.doesNotContainKey("kernelId");
		assertThat(document.pendingTime()).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ US_WEST_2 + ",i-0a30e04d85e6f8793", US_EAST_2 + ",i-075f088c72ad3271c",
			US_EAST_1 + ",i-f79fe56c" })
	void sha1FormVerifiesOnlyWhenAllowed(String set, String instance) {
		assertThat(this.sha1Allowed.verify(credential(set, SignatureForm.PKCS7)).instanceId()).isEqualTo(instance);
		assertRejected(() -> this.verifier.verify(credential(set, SignatureForm.PKCS7)), "SHA-1");
	}

	@ParameterizedTest
	@CsvSource({ US_WEST_2, AP_SOUTHEAST_2, US_EAST_2 })
	void correttoVerifiesGenuineSignaturesAndRefusesAChangedDocument(String set) {
		InstanceIdentityVerifier accp = new InstanceIdentityVerifier(KEYS, false, Corretto.assumeAvailable());
		InstanceIdentityCredential genuine = credential(set, SignatureForm.SIGNATURE);
		assertThat(accp.verify(genuine).form()).isEqualTo(SignatureForm.SIGNATURE);
		assertThat(accp.verify(genuine).instanceId()).as("the provider's key, made once, again").startsWith("i-");
		String changed = genuine.document().replace("2017-09-30", "2017-09-31");
		assertThat(changed).isNotEqualTo(genuine.document());
		assertRejected(() -> accp.verify(new InstanceIdentityCredential(changed, SignatureForm.SIGNATURE,
				genuine.signature())), "does not verify");
	}

	@Test
	void oneChangedCharacterOfTheDocumentDoesNotVerify() {
		for (SignatureForm form : new SignatureForm[] { SignatureForm.RSA2048, SignatureForm.SIGNATURE }) {
			InstanceIdentityCredential genuine = credential(US_WEST_2, form);
			String changed = genuine.document().replace("t2.nano", "t2.huge");
			assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(changed, form, genuine.signature())),
					(form == SignatureForm.RSA2048) ? "signed content" : "does not verify");
			String spaced = genuine.document() + "\n";
			assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(spaced, form, genuine.signature())),
					"");
		}
	}

	@Test
	void anotherDocumentsSignatureDoesNotVerify() {
		for (SignatureForm form : new SignatureForm[] { SignatureForm.RSA2048, SignatureForm.SIGNATURE }) {
			String document = read(US_EAST_2, "document.json");
			String otherSignature = credential(US_WEST_2, form).signature();
			assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(document, form, otherSignature)),
					"");
		}
	}

	@Test
	void documentThatClaimsAnotherRegionDoesNotVerifyWithThatRegionsKey() {
		InstanceIdentityCredential genuine = credential(US_WEST_2, SignatureForm.RSA2048);
		// the region picks the key; the content check alone would pass, so only the key can refuse it
		InstanceIdentityKeys westKeyForEast = KEYS.with(SignatureForm.RSA2048, "us-east-1",
				IidFixturesCertificates.usEast1Rsa2048());
		assertThat(westKeyForEast.keyFor(SignatureForm.RSA2048, "us-east-1")).isNotNull();
		InstanceIdentityKeys wrong = KEYS.with(SignatureForm.RSA2048, "us-west-2",
				IidFixturesCertificates.usEast1Rsa2048());
		assertRejected(() -> new InstanceIdentityVerifier(wrong, false).verify(genuine), "does not verify");
	}

	@Test
	void certificateAddedByTheApplicationVerifies() {
		InstanceIdentityKeys none = KEYS.with(SignatureForm.RSA2048, "us-west-2", IidFixturesCertificates.usEast1Rsa2048());
		InstanceIdentityKeys restored = none.with(SignatureForm.RSA2048, "us-west-2", InstanceIdentityKeys
			.certificate(new ByteArrayInputStream(read(US_WEST_2, "cert-rsa2048-us-west-2.taskcluster.pem")
				.getBytes(StandardCharsets.US_ASCII))));
		assertThat(new InstanceIdentityVerifier(restored, false).verify(credential(US_WEST_2, SignatureForm.RSA2048))
			.instanceId()).isEqualTo("i-0a30e04d85e6f8793");
	}

	@Test
	void fixturesNegativeFilesDoNotVerify() {
		String document = read(AP_SOUTHEAST_2, "document.json");
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(document, SignatureForm.SIGNATURE,
				read(AP_SOUTHEAST_2, "negative-invalid-signature.b64"))), "");
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(
				read(AP_SOUTHEAST_2, "negative-invalid-document.json"), SignatureForm.SIGNATURE,
				read(AP_SOUTHEAST_2, "signature.b64"))), "");
	}

	@Test
	void badBase64AndNotCmsAreRejected() {
		String document = read(US_WEST_2, "document.json");
		assertRejected(() -> this.verifier
			.verify(new InstanceIdentityCredential(document, SignatureForm.RSA2048, "not base64 at all!")), "base64");
		String notCms = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII));
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(document, SignatureForm.RSA2048, notCms)),
				"not CMS");
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential("[1,2]", SignatureForm.RSA2048, notCms)),
				"JSON object");
		// Nimbus parses the JSON literal null as no map at all: a fuzzing finding, once an NPE
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential("null", SignatureForm.RSA2048, notCms)),
				"JSON object");
	}

	@Test
	void signatureLargerThanAnyAwsSignatureIsRejectedBeforeItIsParsed() {
		String document = read(US_WEST_2, "document.json");
		String nested = Base64.getEncoder().encodeToString(new byte[9 * 1024]);
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(document, SignatureForm.RSA2048, nested)),
				"larger than any AWS signature");
	}

	@Test
	void regionWithoutAKeyIsRejected() {
		String document = read(US_WEST_2, "document.json").replace("\"us-west-2\"", "\"xx-nowhere-9\"");
		assertRejected(() -> this.verifier.verify(new InstanceIdentityCredential(document, SignatureForm.RSA2048,
				credential(US_WEST_2, SignatureForm.RSA2048).signature())), "no AWS key");
	}

	private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getStatus().value()).isEqualTo(401))
			.withMessageContaining(reason);
	}

}
