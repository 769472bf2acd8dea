package io.github.awsauth.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.awsauth.core.CryptoProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The primitives the mechanisms use, with the JDK's providers and with Amazon Corretto Crypto
 * Provider (AWS-LC), in one run: RSA-2048 and P-256 signature verification (the JWT and ALB
 * floors), the SigV4 signing-key derivation and signature (five HMAC-SHA256), and SHA-256 of a
 * kilobyte (a cache key, a body hash).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class CryptoProviderBenchmark {

	@Param({ "jdk", "accp" })
	public String provider;

	private CryptoProvider crypto;

	private final byte[] data = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);

	private PublicKey rsaKey;

	private byte[] rsaSignature;

	private PublicKey ecKey;

	private byte[] ecSignature;

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.crypto = CryptoProvider.of(CryptoProvider.Choice.valueOf(this.provider.toUpperCase()));
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair rsaPair = rsa.generateKeyPair();
		this.rsaKey = this.crypto.publicKey(rsaPair.getPublic());
		Signature rsaSigner = Signature.getInstance("SHA256withRSA");
		rsaSigner.initSign(rsaPair.getPrivate());
		rsaSigner.update(this.data);
		this.rsaSignature = rsaSigner.sign();
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair ecPair = ec.generateKeyPair();
		this.ecKey = this.crypto.publicKey(ecPair.getPublic());
		Signature ecSigner = Signature.getInstance("SHA256withECDSA");
		ecSigner.initSign(ecPair.getPrivate());
		ecSigner.update(this.data);
		this.ecSignature = ecSigner.sign();
		if (!rsa2048Verify() || !es256Verify()) {
			throw new IllegalStateException("the benchmark's signatures do not verify");
		}
	}

	@Benchmark
	public boolean rsa2048Verify() throws GeneralSecurityException {
		Signature verifier = this.crypto.signature("SHA256withRSA");
		verifier.initVerify(this.rsaKey);
		verifier.update(this.data);
		return verifier.verify(this.rsaSignature);
	}

	@Benchmark
	public boolean es256Verify() throws GeneralSecurityException {
		Signature verifier = this.crypto.signature("SHA256withECDSA");
		verifier.initVerify(this.ecKey);
		verifier.update(this.data);
		return verifier.verify(this.ecSignature);
	}

	/** What SigV4 computes per request: the four-step key derivation and the signature. */
	@Benchmark
	public byte[] sigV4Hmacs() throws GeneralSecurityException {
		byte[] key = hmac("AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.US_ASCII),
				"20261202");
		key = hmac(key, "eu-west-1");
		key = hmac(key, "execute-api");
		key = hmac(key, "aws4_request");
		return hmac(key, "AWS4-HMAC-SHA256\n20261202T101010Z\n20261202/eu-west-1/execute-api/aws4_request\n"
				+ "3f2c8a1b9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a");
	}

	@Benchmark
	public byte[] sha256Of1KiB() throws GeneralSecurityException {
		MessageDigest digest = (this.crypto.provider() != null)
				? MessageDigest.getInstance("SHA-256", this.crypto.provider()) : MessageDigest.getInstance("SHA-256");
		return digest.digest(this.data);
	}

	private byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
		Mac mac = (this.crypto.provider() != null) ? Mac.getInstance("HmacSHA256", this.crypto.provider())
				: Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
	}

}
