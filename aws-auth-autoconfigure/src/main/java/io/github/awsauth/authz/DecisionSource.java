package io.github.awsauth.authz;

/**
 * What decided whether a request may go on, as the {@code aws.auth.authorizations} metric tags it.
 */
public enum DecisionSource {

	/** A route rule, a public path or the default rule of {@code aws.auth.authorization}. */
	ROUTE("route"),

	/** Method security: {@code @PreAuthorize}, {@code @PostAuthorize} and the like. */
	METHOD("method"),

	/** The IAM-style policies of {@code aws.auth.authorization.policies}. */
	POLICY("policy"),

	/** OPA. */
	OPA("opa"),

	/** Amazon Verified Permissions. */
	VERIFIED_PERMISSIONS("verified-permissions");

	private final String tag;

	DecisionSource(String tag) {
		this.tag = tag;
	}

	/**
	 * The name in metrics.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
