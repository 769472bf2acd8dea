package io.github.awsauth.iam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.awsauth.core.AwsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the IAM token reader in both wire forms: an
 * {@link AwsAuthenticationException} is the only failure, and a token that passes is addressed to
 * the configured STS endpoint alone (the CVE-2020-16250 property), whatever host it names.
 */
class IamTokenReaderFuzzTests {

	private static final URI STS = URI.create("https://sts.eu-west-1.amazonaws.com");

	private static final IamTokenReader reader = new IamTokenReader("orders-api", List.of(STS), Clock.systemUTC());

	@FuzzTest(maxDuration = "10m")
	void anyTokenIsReadOrRefusedAndNeverSentElsewhere(FuzzedDataProvider data) {
		boolean eks = data.consumeBoolean();
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8));
		String token = (eks ? IamTokenReader.EKS_PREFIX : IamTokenReader.VAULT_PREFIX) + payload;
		try {
			StsRequest request = reader.read(token);
			assertThat(request.uri().getScheme() + "://" + request.uri().getRawAuthority()).isEqualTo(STS.toString());
		}
		catch (AwsAuthenticationException expected) {
			assertThat(expected.getMessage()).startsWith("Invalid IAM token");
		}
	}

}
