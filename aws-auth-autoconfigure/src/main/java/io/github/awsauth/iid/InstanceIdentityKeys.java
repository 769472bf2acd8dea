package io.github.awsauth.iid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * AWS's public keys for identity documents, by signature form and region: the certificates that
 * ship in this jar (see {@code certificates/README.md} beside this class for their source and how
 * to update them), plus those an application adds or replaces. Only the public key of a
 * certificate is used; its dates are not (AWS re-issued certificates with the same keys).
 */
public final class InstanceIdentityKeys {

	private static final String BUNDLED = "certificates/";

	private final Map<SignatureForm, Map<String, PublicKey>> keys;

	private InstanceIdentityKeys(Map<SignatureForm, Map<String, PublicKey>> keys) {
		this.keys = keys;
	}

	/**
	 * The keys of every region AWS published when this jar was built.
	 * @return the keys
	 */
	public static InstanceIdentityKeys bundled() {
		Map<SignatureForm, Map<String, PublicKey>> keys = new EnumMap<>(SignatureForm.class);
		for (SignatureForm form : SignatureForm.values()) {
			keys.put(form, new HashMap<>());
		}
		for (String region : bundledRegions()) {
			for (SignatureForm form : SignatureForm.values()) {
				String resource = BUNDLED + form.field() + "/" + region + ".pem";
				try (InputStream pem = InstanceIdentityKeys.class.getResourceAsStream(resource)) {
					if (pem == null) {
						throw new IllegalStateException("missing bundled certificate " + resource);
					}
					keys.get(form).put(region, certificate(pem).getPublicKey());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return new InstanceIdentityKeys(keys);
	}

	/**
	 * These keys with one added or replaced.
	 * @param form the signature form the certificate verifies
	 * @param region the region whose documents it verifies
	 * @param certificate AWS's certificate
	 * @return the keys
	 */
	public InstanceIdentityKeys with(SignatureForm form, String region, X509Certificate certificate) {
		Map<SignatureForm, Map<String, PublicKey>> copy = new EnumMap<>(SignatureForm.class);
		this.keys.forEach((each, byRegion) -> copy.put(each, new HashMap<>(byRegion)));
		copy.get(form).put(region, certificate.getPublicKey());
		return new InstanceIdentityKeys(copy);
	}

	/**
	 * The key that verifies one form of the documents of a region.
	 * @param form the signature form
	 * @param region the document's region
	 * @return the key, or {@code null} for a region without one
	 */
	public @Nullable PublicKey keyFor(SignatureForm form, String region) {
		return this.keys.get(form).get(region);
	}

	/**
	 * Read one PEM certificate.
	 * @param pem the PEM text
	 * @return the certificate
	 * @throws IllegalArgumentException if it is not one
	 */
	public static X509Certificate certificate(InputStream pem) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
		}
		catch (CertificateException | ClassCastException ex) {
			throw new IllegalArgumentException("not a PEM X.509 certificate: " + ex.getMessage(), ex);
		}
	}

	private static Iterable<String> bundledRegions() {
		try (InputStream list = InstanceIdentityKeys.class.getResourceAsStream(BUNDLED + "regions.txt")) {
			if (list == null) {
				throw new IllegalStateException("missing bundled " + BUNDLED + "regions.txt");
			}
			return new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
