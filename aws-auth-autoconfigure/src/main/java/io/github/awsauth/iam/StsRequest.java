package io.github.awsauth.iam;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

}
