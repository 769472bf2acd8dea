package io.github.awsauth.sigv4;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A key this service issued: who it authenticates and what it grants.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret
 * @param principal the name of the principal
 * @param authorities the authorities granted
 */
public record SigV4Key(String accessKeyId, String secretAccessKey, String principal, List<String> authorities) {

	/**
	 * Validate and copy the arguments.
	 */
	public SigV4Key {
		Assert.hasText(accessKeyId, "accessKeyId must not be empty");
		Assert.hasText(secretAccessKey, "secretAccessKey must not be empty");
		Assert.hasText(principal, "principal must not be empty");
		authorities = List.copyOf(authorities);
	}

	@Override
	public String toString() {
		return "SigV4Key[accessKeyId=" + this.accessKeyId + ", principal=" + this.principal + "]";
	}

}
