package io.github.awsauth.iam;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.awsauth.core.Sha256;

import org.jspecify.annotations.Nullable;

/**
 * A validated {@code sts:GetCallerIdentity} request, rebuilt from an IAM token's checked parts,
 * ready to be sent to a configured STS endpoint.
 *
 * @param method GET (presigned) or POST
 * @param uri the configured endpoint with the validated query
 * @param headers the headers to send (the signed ones and the signature)
 * @param body the form body, or {@code null}
 * @param expiresAt when the signature stops being valid
 */
public record StsRequest(String method, URI uri, Map<String, List<String>> headers, @Nullable String body,
		Instant expiresAt) {

	/**
	 * Copy the arguments.
	 */
	public StsRequest {
		headers = Map.copyOf(headers);
	}

	/**
	 * A digest of exactly what STS is sent, the headers this service adds (its server id) included:
	 * STS's answer is to this request, so two services never share it for one token. Each part is
	 * preceded by its length and each header's values by their number, so that no two requests
	 * share a digest.
	 * @return the SHA-256, in hex
	 */
	String digest() {
		StringBuilder text = new StringBuilder();
		part(text, this.method);
		part(text, this.uri.toString());
		new TreeMap<>(this.headers).forEach((name, values) -> {
			part(text, name);
			text.append(values.size()).append('#');
			values.forEach((value) -> part(text, value));
		});
		part(text, (this.body != null) ? this.body : "");
		return Sha256.hex(text.toString());
	}

	private static void part(StringBuilder text, String part) {
		text.append(part.length()).append(':').append(part);
	}

}
