package io.github.awsauth.core;

import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The JCA provider the mechanisms verify signatures with: Amazon Corretto Crypto Provider
 * (AWS-LC) when it is chosen or, by default, when it is on the class path and loads; the JDK's
 * providers otherwise. Nothing is installed JVM-wide: only the starter's own RSA and ECDSA checks
 * use it. Nimbus, which checks JWTs and ALB headers, asks the chosen provider alone for an
 * algorithm: Corretto Crypto Provider has every one the starter accepts, and an application's
 * own provider ({@link #of(Provider)}) must too, or those tokens are refused.
 * {@link #signature(String)} and {@link #publicKey(PublicKey)} take the JDK's for what it lacks.
 * HMAC and SHA-256 stay with the JDK, whose intrinsics are faster for the short inputs of SigV4
 * and cache keys than a native call (measured in {@code CryptoProviderBenchmark}).
 */
public final class CryptoProvider {

	/** Which provider to use ({@code aws.auth.crypto.provider}). */
	public enum Choice {

		/** Corretto Crypto Provider when it is on the class path and loads, else the JDK's. */
		AUTO,

		/** The JDK's providers. */
		JDK,

		/** Corretto Crypto Provider; the application does not start without it. */
		ACCP

	}

	private static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

	private static final Log logger = LogFactory.getLog(CryptoProvider.class);

	private static final CryptoProvider JDK = new CryptoProvider(null);

	private final @Nullable Provider provider;

	private CryptoProvider(@Nullable Provider provider) {
		this.provider = provider;
	}

	/**
	 * The JDK's providers.
	 * @return the JDK's providers
	 */
	public static CryptoProvider jdk() {
		return JDK;
	}

	/**
	 * A provider of the application's, for example a FIPS-validated one, declared as a
	 * {@code CryptoProvider} bean.
	 * @param provider the provider
	 * @return it, with the JDK's providers for what it lacks
	 */
	public static CryptoProvider of(Provider provider) {
		return new CryptoProvider(provider);
	}

	/**
	 * The provider of a choice, Corretto Crypto Provider looked up where this class was loaded.
	 * @param choice the choice
	 * @return the provider
	 * @throws IllegalStateException when {@link Choice#ACCP} is chosen and cannot be loaded, with
	 * the reason
	 */
	public static CryptoProvider of(Choice choice) {
		return of(choice, CryptoProvider.class.getClassLoader());
	}

	/**
	 * The provider of a choice.
	 * @param choice the choice
	 * @param classLoader where Corretto Crypto Provider is looked up
	 * @return the provider
	 * @throws IllegalStateException when {@link Choice#ACCP} is chosen and cannot be loaded, with
	 * the reason
	 */
	public static CryptoProvider of(Choice choice, @Nullable ClassLoader classLoader) {
		if (choice == Choice.JDK) {
			return JDK;
		}
		try {
			return new CryptoProvider(loadCorretto(classLoader));
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			if (choice == Choice.ACCP) {
				throw new IllegalStateException("Amazon Corretto Crypto Provider cannot be used: " + reason(ex), ex);
			}
			if (!(ex instanceof ClassNotFoundException)) {
				logger.warn("Amazon Corretto Crypto Provider is on the class path but cannot be used, so signatures "
						+ "are verified with the JDK's providers: " + reason(ex));
			}
			return JDK;
		}
	}

	/** Its instance, once its self-tests passed ({@code assertHealthy} throws otherwise). */
	private static Provider loadCorretto(@Nullable ClassLoader classLoader) throws ReflectiveOperationException {
		Class<?> type = Class.forName(ACCP_CLASS, true, classLoader);
		Provider accp = (Provider) type.getField("INSTANCE").get(null);
		type.getMethod("assertHealthy").invoke(accp);
		return accp;
	}

	private static String reason(Throwable ex) {
		Throwable cause = (ex instanceof InvocationTargetException invocation && invocation.getCause() != null)
				? invocation.getCause() : ex;
		return (cause instanceof ClassNotFoundException) ? "it is not on the class path (add "
				+ "software.amazon.cryptools:AmazonCorrettoCryptoProvider with the classifier of the platform)"
				: cause.toString();
	}

	/**
	 * The chosen provider.
	 * @return the provider, or {@code null} for the JDK's
	 */
	public @Nullable Provider provider() {
		return this.provider;
	}

	/**
	 * What is used, for logs and the documentation.
	 * @return the provider's name and version, or {@code JDK}
	 */
	public String name() {
		return (this.provider != null) ? this.provider.getName() + " " + this.provider.getVersionStr() : "JDK";
	}

	/**
	 * A signature object.
	 * @param algorithm the JCA algorithm, for example {@code SHA256withRSA}
	 * @return a new instance
	 * @throws NoSuchAlgorithmException when no provider has it
	 */
	public Signature signature(String algorithm) throws NoSuchAlgorithmException {
		return has("Signature", algorithm) ? Signature.getInstance(algorithm, this.provider)
				: Signature.getInstance(algorithm);
	}

	/**
	 * A public key as the provider's own key object, made once where a key is loaded, so that its
	 * signature checks do not convert it each time.
	 * @param key a key
	 * @return the provider's equivalent, or the key itself for the JDK or a type the provider lacks
	 * @throws GeneralSecurityException when the provider refuses the key
	 */
	public PublicKey publicKey(PublicKey key) throws GeneralSecurityException {
		if (!has("KeyFactory", key.getAlgorithm())) {
			return key;
		}
		return (PublicKey) KeyFactory.getInstance(key.getAlgorithm(), this.provider).translateKey(key);
	}

	private boolean has(String type, String algorithm) {
		return this.provider != null && this.provider.getService(type, algorithm) != null;
	}

	@Override
	public String toString() {
		return name();
	}

}
