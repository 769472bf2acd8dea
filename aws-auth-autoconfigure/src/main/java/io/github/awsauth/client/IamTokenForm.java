package io.github.awsauth.client;

/**
 * The wire forms of an IAM identity token.
 */
public enum IamTokenForm {

	/**
	 * {@code Authorization: Bearer k8s-aws-v1.<presigned GetCallerIdentity URL>}, the token
	 * {@code aws eks get-token} prints; the audience is the signed header {@code x-k8s-aws-id}.
	 */
	EKS,

	/**
	 * {@code Authorization: AWS-IAM <JSON>} with Vault's login fields for a signed POST
	 * GetCallerIdentity; the audience is the signed header {@code X-Vault-AWS-IAM-Server-ID}.
	 */
	VAULT

}
