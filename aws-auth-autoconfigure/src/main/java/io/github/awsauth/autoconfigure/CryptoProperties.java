package io.github.awsauth.autoconfigure;

import io.github.awsauth.core.CryptoProvider;

/**
 * The provider signatures are verified with ({@code aws.auth.crypto}).
 */
public class CryptoProperties {

	/**
	 * Provider of the RSA and ECDSA signature checks (JWT, ALB header, instance identity
	 * document). auto: Amazon Corretto Crypto Provider when it is on the class path and loads,
	 * else the JDK's; jdk: the JDK's; accp: Corretto Crypto Provider, or the application does not
	 * start. Nothing is installed JVM-wide.
	 */
	private CryptoProvider.Choice provider = CryptoProvider.Choice.AUTO;

	public CryptoProvider.Choice getProvider() {
		return this.provider;
	}

	public void setProvider(CryptoProvider.Choice provider) {
		this.provider = provider;
	}

}
