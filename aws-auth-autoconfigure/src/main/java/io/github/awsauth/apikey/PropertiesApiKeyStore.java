package io.github.awsauth.apikey;

import java.security.MessageDigest;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The keys of {@code aws.auth.api-keys.keys}. Every lookup compares the hash with every stored hash
 * in constant time and without stopping early, so neither which key matched nor how much of a hash
 * matched shows in the time it takes.
 */
public final class PropertiesApiKeyStore implements ApiKeyStore {

	private final List<ApiKey> keys;

	/**
	 * Create the store.
	 * @param keys the issued keys
	 */
	public PropertiesApiKeyStore(List<ApiKey> keys) {
		this.keys = List.copyOf(keys);
	}

	@Override
	public @Nullable ApiKey findBySha256(byte[] sha256) {
		ApiKey found = null;
		for (ApiKey key : this.keys) {
			if (MessageDigest.isEqual(key.sha256(), sha256) && found == null) {
				found = key;
			}
		}
		return found;
	}

}
