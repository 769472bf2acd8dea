package io.github.awsauth.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.awsauth.core.Caches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.iam.ArnPatterns;
import io.github.awsauth.iam.IamAuthenticationMechanism;
import io.github.awsauth.iam.IamProperties;
import io.github.awsauth.iam.IamTokenReader;
import io.github.awsauth.iam.StsCallerIdentityClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Machines with IAM credentials, identified by STS ({@code aws.auth.iam.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.iam.enabled")
class IamConfiguration {

	private static final String PREFIX = "aws.auth.iam";

	@Bean
	@ConditionalOnMissingBean
	IamAuthenticationMechanism iamAuthenticationMechanism(AwsAuthProperties properties, Upstreams upstreams,
			ObjectProvider<SharedCache> shared, Caches caches) {
		IamProperties iam = properties.getIam();
		if (!StringUtils.hasText(iam.getServerId())) {
			throw new AwsAuthConfigurationException(PREFIX + ".server-id", "no server id is set",
					"Set " + PREFIX + ".server-id to the audience callers sign (the name of this service).");
		}
		if (iam.getStsEndpoint() == null) {
			throw new AwsAuthConfigurationException(PREFIX + ".sts-endpoint", "no STS endpoint is set",
					"Set " + PREFIX + ".sts-endpoint, for example https://sts.eu-west-1.amazonaws.com.");
		}
		if (iam.getPrincipals().isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".principals", "the allowlist is empty",
					"Map the ARN patterns of the roles and users allowed in to their authorities under " + PREFIX
							+ ".principals, for example \"[arn:aws:iam::123456789012:role/worker-*]\": [ROLE_worker].");
		}
		PatternKeys.check(PREFIX + ".principals", iam.getPrincipals().keySet(), ArnPatterns::problem,
				"\"[arn:aws:iam::123456789012:role/worker-*]\": [ROLE_worker]");
		List<URI> endpoints = new ArrayList<>();
		endpoints.add(checked(iam.getStsEndpoint(), PREFIX + ".sts-endpoint"));
		for (int i = 0; i < iam.getStsEndpoints().size(); i++) {
			endpoints.add(checked(iam.getStsEndpoints().get(i), PREFIX + ".sts-endpoints[" + i + "]"));
		}
		IamAuthenticationMechanism mechanism = new IamAuthenticationMechanism(new IamTokenReader(iam.getServerId(), endpoints, Clock.systemUTC()),
				new StsCallerIdentityClient(iam.getTimeout(),
						upstreams.register("sts", endpoints.stream().map(URI::toString).collect(Collectors.joining(", ")))),
				ArnPatterns.allowlist(iam.getPrincipals()),
				iam.getCacheSize(), iam.getMaxConcurrentCalls(), Clock.systemUTC());
		mechanism.setSharedCache(shared.getIfAvailable(() -> SharedCache.NONE));
		caches.register("iam.identities", mechanism::identityStatistics);
		return mechanism;
	}

	/** An https endpoint with no path, query or user info; plain http only for loopback (tests). */
	private static URI checked(URI endpoint, String property) {
		boolean loopback = "localhost".equals(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost());
		boolean scheme = "https".equals(endpoint.getScheme()) || ("http".equals(endpoint.getScheme()) && loopback);
		boolean bare = endpoint.getHost() != null && endpoint.getRawUserInfo() == null && endpoint.getRawQuery() == null
				&& (endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() || endpoint.getRawPath().equals("/"));
		if (!scheme || !bare) {
			throw new AwsAuthConfigurationException(property, "'" + endpoint + "' is not an STS endpoint",
					"Set " + property + " to https://sts.<region>.amazonaws.com (no path).");
		}
		return endpoint;
	}

}
