package io.github.awsauth.iam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An IAM identity's ARN as it is matched and named: an assumed-role session
 * {@code arn:<partition>:sts::<account>:assumed-role/<role>/<session>} becomes its role,
 * {@code arn:<partition>:iam::<account>:role/<role>}; every other ARN stays as it is.
 *
 * @param name the normalized ARN
 * @param attributes what the principal carries: the ARN STS returned, account, user id, and for
 * sessions the role and session name
 */
public record IamArn(String name, Map<String, Object> attributes) {

	/**
	 * Normalize an identity.
	 * @param identity what STS returned
	 * @return the normalized ARN and attributes
	 */
	public static IamArn of(CallerIdentity identity) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("arn", identity.arn());
		attributes.put("account", identity.account());
		attributes.put("userId", identity.userId());
		String[] parts = identity.arn().split(":", 6);
		if (parts.length == 6 && parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
			String[] resource = parts[5].split("/", 3);
			if (resource.length == 3) {
				attributes.put("role", resource[1]);
				attributes.put("session", resource[2]);
				return new IamArn("arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + resource[1], attributes);
			}
		}
		return new IamArn(identity.arn(), attributes);
	}

}
