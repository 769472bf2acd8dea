package io.github.awsauth.iid;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An identity document whose signature verified with AWS's key for its region.
 *
 * @param instanceId the instance, {@code i-…}
 * @param accountId the instance's account
 * @param region the instance's region
 * @param pendingTime when the instance last started, if the document says
 * @param form the signature form that verified
 * @param fields every field of the document with a value
 */
public record VerifiedDocument(String instanceId, String accountId, String region, @Nullable Instant pendingTime,
		SignatureForm form, Map<String, Object> fields) {

	public VerifiedDocument {
		fields = Map.copyOf(fields);
	}

}
