package io.github.awsauth.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Corretto Crypto Provider is used when it is chosen or on the class path (as it is in these
 * tests), the JDK's providers otherwise and for what it lacks; its keys and signatures agree with
 * the JDK's.
 */
@ExtendWith(OutputCaptureExtension.class)
class CryptoProviderTests {

	private static final String ACCP = "AmazonCorrettoCryptoProvider";

	private static final byte[] DATA = "the signed bytes".getBytes(StandardCharsets.US_ASCII);

	private static final FilteredClassLoader WITHOUT_ACCP = new FilteredClassLoader("com.amazon.corretto");

	@Test
	void autoUsesCorrettoWhenItIsOnTheClassPath() throws GeneralSecurityException {
		CryptoProvider crypto = Corretto.assumeAvailable();
		assertThat(crypto.provider()).isNotNull();
		assertThat(crypto.name()).startsWith(ACCP + " ");
		assertThat(crypto.signature("SHA256withRSA").getProvider().getName()).isEqualTo(ACCP);
		assertThat(crypto.signature("SHA256withECDSA").getProvider().getName()).isEqualTo(ACCP);
	}

	@Test
	void withoutCorrettoOnTheClassPathAutoSaysNothing(CapturedOutput output) {
		CryptoProvider.of(CryptoProvider.Choice.AUTO, WITHOUT_ACCP);
		assertThat(output.getAll()).doesNotContain("Corretto");
	}

	@Test
	void autoFallsBackToTheJdkWithoutCorretto() throws GeneralSecurityException {
		CryptoProvider crypto = CryptoProvider.of(CryptoProvider.Choice.AUTO, WITHOUT_ACCP);
		assertThat(crypto.provider()).isNull();
		assertThat(crypto.name()).isEqualTo("JDK");
		assertThat(crypto.signature("SHA256withRSA").getProvider().getName()).isNotEqualTo(ACCP);
	}

	@Test
	void jdkIsTheJdkEvenWithCorrettoOnTheClassPath() throws GeneralSecurityException {
		CryptoProvider crypto = CryptoProvider.of(CryptoProvider.Choice.JDK);
		assertThat(crypto).isSameAs(CryptoProvider.jdk());
		assertThat(crypto.signature("SHA256withECDSA").getProvider().getName()).isNotEqualTo(ACCP);
	}

	@Test
	void accpThatCannotBeLoadedSaysWhy() {
		assertThatIllegalStateException().isThrownBy(() -> CryptoProvider.of(CryptoProvider.Choice.ACCP, WITHOUT_ACCP))
			.withMessageContaining("is not on the class path")
			.withMessageContaining("software.amazon.cryptools:AmazonCorrettoCryptoProvider");
	}

	@Test
	void algorithmCorrettoLacksComesFromTheJdk() throws GeneralSecurityException {
		CryptoProvider crypto = Corretto.assumeAvailable();
		assertThat(crypto.provider().getService("Signature", "SHA256withDSA")).isNull();
		assertThat(crypto.signature("SHA256withDSA").getProvider().getName()).isEqualTo("SUN");
		KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
		dsa.initialize(2048);
		PublicKey key = dsa.generateKeyPair().getPublic();
		assertThat(crypto.publicKey(key)).as("a key type it lacks stays as it is").isSameAs(key);
	}

	@Test
	void readyKeysVerifyWhatTheJdkSignedAndRefuseWhatItDidNot() throws GeneralSecurityException {
		CryptoProvider crypto = Corretto.assumeAvailable();
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		assertVerifies(crypto, ec.generateKeyPair(), "SHA256withECDSA");
		assertVerifies(crypto, rsa.generateKeyPair(), "SHA256withRSA");
	}

	private static void assertVerifies(CryptoProvider crypto, KeyPair pair, String algorithm)
			throws GeneralSecurityException {
		Signature signer = Signature.getInstance(algorithm);
		signer.initSign(pair.getPrivate());
		signer.update(DATA);
		byte[] signature = signer.sign();
		PublicKey ready = crypto.publicKey(pair.getPublic());
		assertThat(ready.getClass().getName()).startsWith("com.amazon.corretto");
		assertThat(verify(crypto, ready, algorithm, DATA, signature)).isTrue();
		byte[] other = "other bytes".getBytes(StandardCharsets.US_ASCII);
		assertThat(verify(crypto, ready, algorithm, other, signature)).isFalse();
	}

	private static boolean verify(CryptoProvider crypto, PublicKey key, String algorithm, byte[] data,
			byte[] signature) throws GeneralSecurityException {
		Signature verifier = crypto.signature(algorithm);
		verifier.initVerify(key);
		verifier.update(data);
		return verifier.verify(signature);
	}

}
