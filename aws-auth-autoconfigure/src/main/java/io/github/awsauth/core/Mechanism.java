package io.github.awsauth.core;

/**
 * The ways a caller can authenticate. {@link #id()} is the stable name that appears in
 * {@link AwsPrincipal#mechanism()} output, logs and documentation.
 */
public enum Mechanism {

	/** A bearer JWT from a Cognito user pool or any OIDC issuer. */
	JWT("jwt"),

	/** A browser session after an OIDC authorization-code login. */
	LOGIN("login"),

	/** The {@code x-amzn-oidc-data} header signed by an Application Load Balancer. */
	ALB("alb"),

	/** A signed {@code sts:GetCallerIdentity} request, verified by STS. */
	IAM("iam"),

	/** SigV4 over the request itself, with a key this service issued. */
	SIGV4("sigv4"),

	/** A signed EC2 instance identity document. */
	INSTANCE_IDENTITY("instance-identity"),

	/** An X.509 client certificate, directly or through an ALB. */
	MTLS("mtls"),

	/** A static API key. */
	API_KEY("api-key");

	private final String id;

	Mechanism(String id) {
		this.id = id;
	}

	/**
	 * The mechanism's stable name, for example {@code jwt} or {@code instance-identity}.
	 * @return the name
	 */
	public String id() {
		return this.id;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
