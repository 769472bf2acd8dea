package io.github.awsauth.iid;

import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the identity-document reader and verifier, from the header to Bouncy
 * Castle's CMS parser: a 401 is the only failure, and nothing verifies but the genuine documents
 * (seeded from the fixtures, then mutated).
 */
class InstanceIdentityFuzzTests {

	private static final InstanceIdentityVerifier verifier = new InstanceIdentityVerifier(
			InstanceIdentityKeys.bundled(), true);

	private static final Set<String> GENUINE = Set.of("i-0a30e04d85e6f8793", "i-0c5541936caf78c12",
			"i-075f088c72ad3271c", "i-f79fe56c");

	@FuzzTest(maxDuration = "10m")
	void anyHeaderIsVerifiedOnlyWhenAwsSignedIt(FuzzedDataProvider data) {
		String header = "AWS-IID " + data.consumeRemainingAsString();
		try {
			VerifiedDocument document = verifier.verify(InstanceIdentityCredential.parse(header));
			assertThat(document.instanceId()).isIn(GENUINE);
		}
		catch (AwsAuthenticationException expected) {
			assertThat(expected.getStatus().value()).isEqualTo(401);
			assertThat(expected.getMessage()).startsWith("Invalid instance identity");
		}
	}

	@FuzzTest(maxDuration = "10m")
	void anySignatureOfAGenuineDocumentIsRefusedUnlessItIsAws(FuzzedDataProvider data) {
		SignatureForm form = data.pickValue(SignatureForm.values());
		String signature = data.consumeRemainingAsString();
		String document = IidFixtures.read(IidFixtures.US_WEST_2, "document.json");
		try {
			VerifiedDocument verified = verifier.verify(new InstanceIdentityCredential(document, form, signature));
			assertThat(signature.replace("\n", "").replace("\r", ""))
				.isEqualTo(IidFixtures.read(IidFixtures.US_WEST_2, form.field() + ".b64").replace("\n", ""));
			assertThat(verified.instanceId()).isEqualTo("i-0a30e04d85e6f8793");
		}
		catch (AwsAuthenticationException expected) {
			assertThat(expected.getStatus().value()).isEqualTo(401);
		}
	}

}
