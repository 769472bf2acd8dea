package io.github.awsauth.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.sigv4.PropertiesSigV4CredentialsStore;
import io.github.awsauth.sigv4.SigV4AuthenticationMechanism;
import io.github.awsauth.sigv4.SigV4CredentialsStore;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Properties;
import io.github.awsauth.sigv4.SigV4Verifier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * SigV4 with keys this service issued ({@code aws.auth.sigv4.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.sigv4.enabled")
class SigV4Configuration {

	private static final String PREFIX = "aws.auth.sigv4";

	@Bean
	@ConditionalOnMissingBean
	SigV4CredentialsStore sigV4CredentialsStore(AwsAuthProperties properties) {
		List<SigV4Properties.Key> configured = properties.getSigv4().getKeys();
		if (configured.isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".keys", "SigV4 is enabled but no key is configured",
					"Add the keys this service issued under " + PREFIX + ".keys (access-key-id, secret-access-key, "
							+ "principal, authorities), declare a SigV4CredentialsStore bean, or set " + PREFIX
							+ ".enabled=false.");
		}
		List<SigV4Key> keys = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			SigV4Properties.Key key = configured.get(i);
			String prefix = PREFIX + ".keys[" + i + "]";
			keys.add(new SigV4Key(required(key.getAccessKeyId(), prefix + ".access-key-id"),
					required(key.getSecretAccessKey(), prefix + ".secret-access-key"),
					required(key.getPrincipal(), prefix + ".principal"), key.getAuthorities()));
		}
		return new PropertiesSigV4CredentialsStore(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	SigV4AuthenticationMechanism sigV4AuthenticationMechanism(AwsAuthProperties properties,
			SigV4CredentialsStore keys) {
		SigV4Properties sigv4 = properties.getSigv4();
		SigV4Verifier verifier = new SigV4Verifier(keys, required(sigv4.getRegion(), PREFIX + ".region"),
				required(sigv4.getService(), PREFIX + ".service"), sigv4.getClockSkew(),
				sigv4.isAllowUnsignedPayload(), sigv4.isNormalizePath(), Clock.systemUTC());
		long maxBodySize = sigv4.getMaxBodySize().toBytes();
		if (maxBodySize < 0) {
			throw new AwsAuthConfigurationException(PREFIX + ".max-body-size", "it is negative",
					"Set " + PREFIX + ".max-body-size to the largest body a signed request may have, for example 1MB.");
		}
		return new SigV4AuthenticationMechanism(verifier, maxBodySize);
	}

	private static String required(String value, String property) {
		if (!StringUtils.hasText(value)) {
			throw new AwsAuthConfigurationException(property, "no value is set", "Set " + property + ".");
		}
		return value;
	}

}
