package io.github.awsauth.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.github.awsauth.apikey.ApiKey;
import io.github.awsauth.apikey.ApiKeyAuthenticationMechanism;
import io.github.awsauth.apikey.ApiKeyProperties;
import io.github.awsauth.apikey.ApiKeyStore;
import io.github.awsauth.apikey.PropertiesApiKeyStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * API keys ({@code aws.auth.api-keys.enabled}): the keys of the properties, or the application's
 * {@link ApiKeyStore}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.api-keys.enabled")
class ApiKeyConfiguration {

	private static final String PREFIX = "aws.auth.api-keys";

	@Bean
	@ConditionalOnMissingBean
	ApiKeyStore apiKeyStore(AwsAuthProperties properties) {
		List<ApiKeyProperties.Key> configured = properties.getApiKeys().getKeys();
		if (configured.isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".keys", "API keys are enabled but no key is configured",
					"Add the issued keys under " + PREFIX + ".keys (id, sha256, authorities), declare an ApiKeyStore "
							+ "bean, or set " + PREFIX + ".enabled=false.");
		}
		List<ApiKey> keys = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		for (int i = 0; i < configured.size(); i++) {
			ApiKeyProperties.Key key = configured.get(i);
			String prefix = PREFIX + ".keys[" + i + "]";
			String id = key.getId();
			if (!StringUtils.hasText(id) || !ids.add(id)) {
				throw new AwsAuthConfigurationException(prefix + ".id",
						StringUtils.hasText(id) ? "key id '" + id + "' is used twice" : "no key id is set",
						"Give each key a unique id; it names the caller.");
			}
			String sha256 = key.getSha256();
			if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}") || !hashes.add(sha256.toLowerCase())) {
				throw new AwsAuthConfigurationException(prefix + ".sha256",
						(sha256 != null && sha256.matches("[0-9a-fA-F]{64}")) ? "the same key is configured twice"
								: "it is not a SHA-256 (64 hex digits)",
						"Set it to the SHA-256 of the key, for example the output of: printf %s \"$KEY\" | sha256sum");
			}
			keys.add(new ApiKey(id, HexFormat.of().parseHex(sha256), key.getAuthorities(), key.getExpiresAt(),
					key.isDisabled()));
		}
		return new PropertiesApiKeyStore(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiKeyAuthenticationMechanism apiKeyAuthenticationMechanism(AwsAuthProperties properties, ApiKeyStore store) {
		ApiKeyProperties apiKeys = properties.getApiKeys();
		if (!StringUtils.hasText(apiKeys.getHeader())) {
			throw new AwsAuthConfigurationException(PREFIX + ".header", "no header is set",
					"Set " + PREFIX + ".header to the header the keys are sent in, for example X-Api-Key.");
		}
		return new ApiKeyAuthenticationMechanism(store, apiKeys.getHeader(), (int) apiKeys.getMaxKeyLength().toBytes(),
				Clock.systemUTC());
	}

}
