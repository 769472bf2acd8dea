package io.github.awsauth.mtls;

/**
 * Where the client certificate comes from.
 */
public enum MtlsSource {

	/** The TLS connection itself: the certificate the servlet container verified. */
	TLS,

	/**
	 * An ALB in passthrough mode: the whole chain in {@code X-Amzn-Mtls-Clientcert}, verified by
	 * nothing, so this service validates it against its trust store.
	 */
	ALB_PASSTHROUGH,

	/** An ALB in verify mode: it verified the chain and forwards the leaf's subject, issuer and serial. */
	ALB_VERIFY

}
