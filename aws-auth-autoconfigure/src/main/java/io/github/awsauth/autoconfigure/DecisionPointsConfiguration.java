package io.github.awsauth.autoconfigure;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.authz.OpaAuthorizationManager;
import io.github.awsauth.authz.VerifiedPermissionsAuthorizationManager;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient;
import software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The external decision points: OPA when {@code aws.auth.authorization.opa.url} is set, Verified
 * Permissions when {@code aws.auth.authorization.verified-permissions.policy-store-id} is.
 */
@Configuration(proxyBeanMethods = false)
class DecisionPointsConfiguration {

	/** Headers that carry a credential whatever mechanisms are on. */
	private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("aws.auth.authorization.opa.url")
	OpaAuthorizationManager awsOpaDecisionPoint(AwsAuthProperties properties,
			ObjectProvider<AwsAuthenticationMechanism> mechanisms, Upstreams upstreams,
			ObjectProvider<SharedCache> shared, Caches caches) {
		AuthorizationProperties.Opa opa = properties.getAuthorization().getOpa();
		String scheme = opa.getUrl().getScheme();
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new AwsAuthConfigurationException("aws.auth.authorization.opa.url", "not an http(s) URL",
					"Set it to the decision's URL in OPA's data API, such as http://localhost:8181/v1/data/http/authz.");
		}
		Set<String> credentials = new HashSet<>(CREDENTIAL_HEADERS);
		mechanisms.forEach((mechanism) -> mechanism.credentialHeaders()
			.forEach((header) -> credentials.add(header.toLowerCase(Locale.ROOT))));
		List<String> headers = opa.getHeaders();
		for (int i = 0; i < headers.size(); i++) {
			if (credentials.contains(headers.get(i).toLowerCase(Locale.ROOT))) {
				String property = "aws.auth.authorization.opa.headers[" + i + "]";
				throw new AwsAuthConfigurationException(property, "'" + headers.get(i) + "' carries a credential",
						"Remove it: OPA gets the verified caller in input.principal, never the credential itself.");
			}
		}
		OpaAuthorizationManager decisionPoint = new OpaAuthorizationManager(opa.getUrl(), opa.getTimeout(),
				opa.getFail(), AwsAuthConfigurationException.notNegative(opa.getCacheTtl(),
						"aws.auth.authorization.opa.cache-ttl"),
				opa.getCacheSize(), opa.getHeaders());
		decisionPoint.setUpstreamHealth(upstreams.register("opa", withoutUserInfo(opa.getUrl())));
		decisionPoint.setSharedCache(shared.getIfAvailable(() -> SharedCache.NONE));
		if (decisionPoint.cachesDecisions()) {
			caches.register("opa.decisions", decisionPoint::decisionStatistics);
		}
		return decisionPoint;
	}

	/** A URL as an operator may be shown it: without the user info a URL could carry. */
	private static String withoutUserInfo(URI url) {
		return (url.getRawUserInfo() == null) ? url.toString()
				: url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "")
						+ url.getRawPath();
	}

	/** Verified Permissions configured without its SDK: a decision point left out would allow more. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient")
	@ConditionalOnProperty("aws.auth.authorization.verified-permissions.policy-store-id")
	static class VerifiedPermissionsMissing {

		VerifiedPermissionsMissing() {
			throw new AwsAuthConfigurationException("aws.auth.authorization.verified-permissions.policy-store-id",
					"Verified Permissions is configured but its SDK is not on the class path",
					"Add software.amazon.awssdk:verifiedpermissions (the starter brings it unless it was excluded), "
							+ "or remove the property.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient")
	@ConditionalOnProperty("aws.auth.authorization.verified-permissions.policy-store-id")
	static class VerifiedPermissionsConfiguration {

		private static final String PREFIX = "aws.auth.authorization.verified-permissions";

		@Bean
		@ConditionalOnMissingBean
		VerifiedPermissionsAuthorizationManager awsVerifiedPermissionsDecisionPoint(AwsAuthProperties properties,
				VerifiedPermissionsClient client, Upstreams upstreams, ObjectProvider<SharedCache> shared,
				Caches caches) {
			AuthorizationProperties.VerifiedPermissions avp = properties.getAuthorization().getVerifiedPermissions();
			AwsAuthConfigurationException.notNegative(avp.getCacheTtl(), PREFIX + ".cache-ttl");
			VerifiedPermissionsAuthorizationManager decisionPoint = new VerifiedPermissionsAuthorizationManager(client,
					avp);
			decisionPoint.setUpstreamHealth(upstreams.register("verified-permissions",
					"policy store " + avp.getPolicyStoreId()));
			decisionPoint.setSharedCache(shared.getIfAvailable(() -> SharedCache.NONE));
			if (decisionPoint.cachesDecisions()) {
				caches.register("verified-permissions.decisions", decisionPoint::decisionStatistics);
			}
			return decisionPoint;
		}

		/** The client, unless the application has its own: the region, endpoint and timeout set. */
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		VerifiedPermissionsClient awsVerifiedPermissionsClient(AwsAuthProperties properties,
				ObjectProvider<AwsCredentialsProvider> credentials) {
			AuthorizationProperties.VerifiedPermissions avp = properties.getAuthorization().getVerifiedPermissions();
			AwsAuthConfigurationException.notNegative(avp.getCacheTtl(), PREFIX + ".cache-ttl");
			VerifiedPermissionsClientBuilder builder = VerifiedPermissionsClient.builder()
				.region(region(avp))
				.credentialsProvider(credentials.getObject())
				.overrideConfiguration((configuration) -> configuration.apiCallTimeout(avp.getTimeout()));
			if (avp.getEndpoint() != null) {
				builder.endpointOverride(avp.getEndpoint());
			}
			return builder.build();
		}

		private static Region region(AuthorizationProperties.VerifiedPermissions avp) {
			if (avp.getRegion() != null) {
				return Region.of(avp.getRegion());
			}
			try {
				return new DefaultAwsRegionProviderChain().getRegion();
			}
			catch (SdkClientException ex) {
				throw new AwsAuthConfigurationException(PREFIX + ".region",
						"no region is set and the SDK's region chain finds none",
						"Set " + PREFIX + ".region to the policy store's region, such as eu-west-1.");
			}
		}

	}

}
