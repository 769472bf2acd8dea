package io.github.awsauth.core;

/**
 * The two wire forms of an IAM identity token, shared by the outbound generator that writes them
 * and the mechanism that reads them: a signed {@code sts:GetCallerIdentity} request, bound to the
 * receiving service by a signed audience header.
 * <ul>
 * <li>EKS ({@code aws eks get-token}): {@code Authorization: Bearer k8s-aws-v1.<base64url of a
 * presigned GET URL>}, audience header {@code x-k8s-aws-id};</li>
 * <li>Vault: {@code Authorization: AWS-IAM <base64url of Vault's login JSON>} with
 * {@code iam_http_request_method} ({@code POST}), {@code iam_request_url},
 * {@code iam_request_body} and {@code iam_request_headers} (each base64), audience header
 * {@code X-Vault-AWS-IAM-Server-ID}.</li>
 * </ul>
 */
public final class IamTokenWireFormat {

	/** The prefix of an EKS token, after {@code Bearer }. */
	public static final String EKS_TOKEN_PREFIX = "k8s-aws-v1.";

	/** The whole start of an EKS {@code Authorization} header. */
	public static final String EKS_AUTHORIZATION_PREFIX = "Bearer " + EKS_TOKEN_PREFIX;

	/** The authorization scheme of the Vault form. */
	public static final String VAULT_SCHEME = "AWS-IAM";

	/** The start of a Vault-form {@code Authorization} header. */
	public static final String VAULT_AUTHORIZATION_PREFIX = VAULT_SCHEME + " ";

	/** The signed audience header of the EKS form. */
	public static final String EKS_AUDIENCE_HEADER = "x-k8s-aws-id";

	/** The signed audience header of the Vault form. */
	public static final String VAULT_AUDIENCE_HEADER = "X-Vault-AWS-IAM-Server-ID";

	/** Vault's login field with the signed request's method. */
	public static final String VAULT_METHOD = "iam_http_request_method";

	/** Vault's login field with the signed request's URL, base64. */
	public static final String VAULT_URL = "iam_request_url";

	/** Vault's login field with the signed request's body, base64. */
	public static final String VAULT_BODY = "iam_request_body";

	/** Vault's login field with the signed request's headers, base64 of a JSON object. */
	public static final String VAULT_HEADERS = "iam_request_headers";

	/** The body of the signed POST. */
	public static final String GET_CALLER_IDENTITY_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

	private IamTokenWireFormat() {
	}

}
