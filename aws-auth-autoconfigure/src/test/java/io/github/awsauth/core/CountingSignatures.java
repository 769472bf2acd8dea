package io.github.awsauth.core;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JCA provider that counts the signature objects a verifier asks for and hands out the JDK's,
 * so that a test can tell whether a signature was verified at all.
 */
public final class CountingSignatures extends Provider {

	private final AtomicInteger count = new AtomicInteger();

	public CountingSignatures() {
		super("CountingSignatures", "1", "counts the JDK's signature objects handed out");
	}

	public CryptoProvider crypto() {
		return CryptoProvider.of(this);
	}

	public int count() {
		return this.count.get();
	}

	@Override
	public synchronized Service getService(String type, String algorithm) {
		if (!"Signature".equals(type)) {
			return null;
		}
		return new Service(this, type, algorithm, Signature.class.getName(), null, null) {

			@Override
			public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
				CountingSignatures.this.count.incrementAndGet();
				return Signature.getInstance(algorithm);
			}

		};
	}

}
