package io.github.awsauth.apikey;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The keys of {@code aws.auth.api-keys.keys}, looked up by their SHA-256. A lookup by hash reveals
 * nothing of a key in its timing (the hash of a guess says nothing about the issued keys); the
 * mechanism then compares the hash it gets back with the presented key's in constant time.
 */
public final class PropertiesApiKeyStore implements ApiKeyStore {

	private final Map<String, ApiKey> keys = new HashMap<>();

	/**
	 * Create the store.
	 * @param keys the issued keys, each hash once
	 */
	public PropertiesApiKeyStore(List<ApiKey> keys) {
		for (ApiKey key : keys) {
			if (this.keys.putIfAbsent(HexFormat.of().formatHex(key.sha256()), key) != null) {
				throw new IllegalArgumentException("key '" + key.id() + "' has the hash of another key");
			}
		}
	}

	@Override
	public @Nullable ApiKey findBySha256(byte[] sha256) {
		return this.keys.get(HexFormat.of().formatHex(sha256));
	}

}
