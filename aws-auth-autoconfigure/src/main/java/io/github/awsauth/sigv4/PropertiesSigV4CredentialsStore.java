package io.github.awsauth.sigv4;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The keys of {@code aws.auth.sigv4.keys}.
 */
public final class PropertiesSigV4CredentialsStore implements SigV4CredentialsStore {

	private final Map<String, SigV4Key> keys;

	/**
	 * Create a store.
	 * @param keys the keys
	 */
	public PropertiesSigV4CredentialsStore(List<SigV4Key> keys) {
		Map<String, SigV4Key> byId = new LinkedHashMap<>();
		keys.forEach((key) -> byId.put(key.accessKeyId(), key));
		this.keys = Map.copyOf(byId);
	}

	@Override
	public @Nullable SigV4Key find(String accessKeyId) {
		return this.keys.get(accessKeyId);
	}

}
