package io.github.awsauth.iid;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;

/** AWS's certificates as bundled, for tests that move one to another region. */
final class IidFixturesCertificates {

	private IidFixturesCertificates() {
	}

	static X509Certificate usEast1Rsa2048() {
		try (InputStream pem = InstanceIdentityKeys.class.getResourceAsStream("certificates/rsa2048/us-east-1.pem")) {
			return InstanceIdentityKeys.certificate(pem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
