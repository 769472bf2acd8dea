package io.github.awsauth.apikey;

import org.jspecify.annotations.Nullable;

/**
 * Where the issued API keys are kept, by the SHA-256 of the key. The default store holds the keys
 * of {@code aws.auth.api-keys.keys}; an application keeps its keys in its database by declaring a
 * bean of this type (look the key up by its hash; the mechanism compares the hash it gets back in
 * constant time).
 */
@FunctionalInterface
public interface ApiKeyStore {

	/**
	 * The key whose SHA-256 this is.
	 * @param sha256 the SHA-256 of the presented key's UTF-8 bytes
	 * @return the stored key, disabled and expired ones included, or {@code null} when none has this
	 * hash
	 */
	@Nullable ApiKey findBySha256(byte[] sha256);

}
