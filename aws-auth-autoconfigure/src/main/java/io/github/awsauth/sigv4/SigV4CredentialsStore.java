package io.github.awsauth.sigv4;

import org.jspecify.annotations.Nullable;

/**
 * Where the keys this service issued are kept. The default reads {@code aws.auth.sigv4.keys}; an
 * application can back it with its database by declaring a bean of this type.
 */
@FunctionalInterface
public interface SigV4CredentialsStore {

	/**
	 * Find a key.
	 * @param accessKeyId the access key id from the request's credential scope
	 * @return the key, or {@code null} if there is none
	 */
	@Nullable SigV4Key find(String accessKeyId);

}
