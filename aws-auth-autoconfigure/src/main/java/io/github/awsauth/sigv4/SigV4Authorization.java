package io.github.awsauth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The SigV4 parameters of a request, from the {@code Authorization} header or the presigned query.
 *
 * @param accessKeyId the access key id of the credential scope
 * @param date the scope date, {@code yyyyMMdd}
 * @param region the scope region
 * @param service the scope service
 * @param signedHeaders the signed header names, lower case, as listed
 * @param signature the signature, 64 lower-case hex digits
 * @param timestamp the signing time ({@code X-Amz-Date})
 * @param expires the lifetime of a presigned request, or {@code null} for the header form
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
		List<String> signedHeaders, String signature, Instant timestamp, @Nullable Duration expires) {

	/** The only algorithm supported. */
	public static final String ALGORITHM = "AWS4-HMAC-SHA256";

	/**
	 * Whether the request was presigned (query form).
	 * @return whether it was
	 */
	public boolean presigned() {
		return this.expires != null;
	}

	/**
	 * The credential scope, {@code date/region/service/aws4_request}.
	 * @return the scope
	 */
	public String scope() {
		return this.date + "/" + this.region + "/" + this.service + "/aws4_request";
	}

}
