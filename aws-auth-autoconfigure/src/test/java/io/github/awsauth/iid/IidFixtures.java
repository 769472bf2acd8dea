package io.github.awsauth.iid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.awsauth.core.InstanceIdentityHeader;

/**
 * The genuine AWS-signed identity documents under {@code src/test/resources/iid} (copied from
 * {@code shared/fixtures/iid}, whose README gives their origin), read byte for byte.
 */
public final class IidFixtures {

	public static final String US_WEST_2 = "taskcluster-us-west-2-2018";

	public static final String AP_SOUTHEAST_2 = "metaphor-ap-southeast-2-2026";

	public static final String US_EAST_2 = "cloudinit-us-east-2-2018";

	public static final String US_EAST_1 = "vault-pkcs7-us-east-1-2016";

	private IidFixtures() {
	}

	public static String read(String set, String file) {
		try (InputStream in = IidFixtures.class.getResourceAsStream("/iid/" + set + "/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + set + "/" + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static InstanceIdentityCredential credential(String set, SignatureForm form) {
		return new InstanceIdentityCredential(read(set, "document.json"), form, read(set, form.field() + ".b64"));
	}

	/** The Authorization header value an instance of the set would send. */
	public static String header(String set, SignatureForm form) {
		return InstanceIdentityHeader.encode(read(set, "document.json"), form.field(), read(set, form.field() + ".b64"));
	}

}
