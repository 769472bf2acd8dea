package io.github.awsauth.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.awsauth.alb.AlbProperties;
import io.github.awsauth.apikey.ApiKeyProperties;
import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.core.AwsAuthSecurityContribution;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.UpstreamHealth;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.iam.IamProperties;
import io.github.awsauth.iid.InstanceIdentityProperties;
import io.github.awsauth.jwt.JwtKeySets;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.mtls.MtlsProperties;
import io.github.awsauth.sigv4.SigV4Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code awsauth}: what the starter is configured with and what it holds
 * now. No access unless {@code management.endpoint.awsauth.access} grants it (and, over HTTP,
 * {@code management.endpoints.web.exposure.include} names it), like {@code configprops} and
 * {@code env}, which it is as sensitive as. It shows identities, ARNs, key ids, patterns and
 * counts; never a secret, a key, a key's hash or a credential.
 */
@Endpoint(id = "awsauth", defaultAccess = Access.NONE)
public final class AwsAuthEndpoint {

	private final AwsAuthProperties properties;

	private final ObjectProvider<AwsAuthenticationMechanism> mechanisms;

	private final ObjectProvider<AwsAuthSecurityContribution> contributions;

	private final JwtKeySets keySets;

	private final Upstreams upstreams;

	private final ObjectProvider<SharedCache> shared;

	private final Caches caches;

	AwsAuthEndpoint(AwsAuthProperties properties, ObjectProvider<AwsAuthenticationMechanism> mechanisms,
			ObjectProvider<AwsAuthSecurityContribution> contributions, JwtKeySets keySets, Upstreams upstreams,
			ObjectProvider<SharedCache> shared, Caches caches) {
		this.properties = properties;
		this.mechanisms = mechanisms;
		this.contributions = contributions;
		this.keySets = keySets;
		this.upstreams = upstreams;
		this.shared = shared;
		this.caches = caches;
	}

	/**
	 * The starter's configuration and state.
	 * @return a JSON document
	 */
	@ReadOperation
	public Map<String, Object> awsAuth() {
		Map<String, Object> report = new LinkedHashMap<>();
		List<String> on = new ArrayList<>();
		this.contributions.orderedStream().forEach((contribution) -> on.add(contribution.mechanism().id()));
		this.mechanisms.orderedStream().forEach((mechanism) -> on.add(mechanism.mechanism().id()));
		report.put("mechanisms", on);
		report.put("jwt", jwt());
		if (on.contains("alb")) {
			report.put("alb", alb());
		}
		if (on.contains("iam")) {
			report.put("iam", iam());
		}
		if (on.contains("sigv4")) {
			SigV4Properties sigv4 = this.properties.getSigv4();
			report.put("sigv4", Map.of("keys", sigv4.getKeys().size(), "clockSkew", sigv4.getClockSkew().toString(),
					"maxBodySize", sigv4.getMaxBodySize().toString()));
		}
		if (on.contains("instance-identity")) {
			InstanceIdentityProperties iid = this.properties.getInstanceIdentity();
			report.put("instance-identity", Map.of("accounts", iid.getAccounts().size(), "regions", iid.getRegions(),
					"liveCheck", iid.isLiveCheck(), "cacheSize", iid.getCacheSize()));
		}
		if (on.contains("mtls")) {
			MtlsProperties mtls = this.properties.getMtls();
			report.put("mtls", Map.of("source", mtls.getSource().name().toLowerCase(Locale.ROOT),
					"subjects", mtls.getSubjects().size(), "trustedProxies", mtls.getTrustedProxies(),
					"verifiedCacheSize", mtls.getVerifiedCacheSize()));
		}
		if (on.contains("api-key")) {
			ApiKeyProperties keys = this.properties.getApiKeys();
			report.put("api-key", Map.of("header", keys.getHeader(), "keys", keys.getKeys().size(), "disabled",
					keys.getKeys().stream().filter(ApiKeyProperties.Key::isDisabled).count()));
		}
		report.put("authorization", authorization());
		report.put("upstreams", upstreams());
		report.put("cache", cache());
		return report;
	}

	private Map<String, Object> cache() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("type", this.properties.getCache().getType().name().toLowerCase(Locale.ROOT));
		if (this.shared.getIfAvailable() instanceof RedisSharedCache redis) {
			report.put("keyPrefix", this.properties.getCache().getRedis().getKeyPrefix());
			report.put("hits", redis.hits());
			report.put("misses", redis.misses());
		}
		Map<String, Object> local = new LinkedHashMap<>();
		this.caches.statistics().forEach((name, statistics) -> {
			Map<String, Object> cache = new LinkedHashMap<>();
			cache.put("size", statistics.size());
			cache.put("hits", statistics.hits());
			cache.put("misses", statistics.misses());
			cache.put("hitRate", statistics.hitRate());
			local.put(name, cache);
		});
		report.put("local", local);
		return report;
	}

	private Map<String, Object> jwt() {
		JwtProperties jwt = this.properties.getJwt();
		List<Map<String, Object>> issuers = new ArrayList<>();
		for (JwtKeySets.Status status : this.keySets.statuses()) {
			Map<String, Object> issuer = new LinkedHashMap<>();
			issuer.put("issuer", status.issuer());
			issuer.put("keyIds", status.keyIds());
			issuer.put("lastFetch", (status.lastFetch() != null) ? status.lastFetch().toString() : "never");
			issuer.put("lastAttemptFailed", status.lastAttemptFailed());
			issuers.add(issuer);
		}
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("issuers", issuers);
		report.put("verifiedCacheSize", jwt.getVerifiedCacheSize());
		report.put("keySetMaxAge", jwt.getJwks().getMaxAge().toString());
		return report;
	}

	private Map<String, Object> alb() {
		AlbProperties alb = this.properties.getAlb();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("region", alb.getRegion());
		report.put("signerArns", alb.getSignerArns());
		report.put("clientIds", alb.getClientIds());
		report.put("verifiedCacheSize", alb.getVerifiedCacheSize());
		return report;
	}

	private Map<String, Object> iam() {
		IamProperties iam = this.properties.getIam();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("serverId", iam.getServerId());
		report.put("principals", iam.getPrincipals().size());
		report.put("cacheSize", iam.getCacheSize());
		return report;
	}

	private Map<String, Object> authorization() {
		AuthorizationProperties authorization = this.properties.getAuthorization();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("default", authorization.getDefault().name().toLowerCase(Locale.ROOT));
		report.put("publicPaths", authorization.getPublicPaths());
		report.put("routes", authorization.getRoutes().stream().map(AuthorizationProperties.Route::getPattern).toList());
		report.put("policies", authorization.getPolicies().size() + authorization.getPolicyLocations().size());
		report.put("opa", authorization.getOpa().getUrl() != null);
		report.put("verifiedPermissions", authorization.getVerifiedPermissions().getPolicyStoreId() != null);
		return report;
	}

	private Map<String, Object> upstreams() {
		Map<String, Object> report = new LinkedHashMap<>();
		for (UpstreamHealth.Status status : this.upstreams.statuses()) {
			Map<String, Object> upstream = new LinkedHashMap<>();
			upstream.put("endpoint", status.endpoint());
			upstream.put("lastReached", (status.lastReached() != null) ? status.lastReached().toString() : "never");
			upstream.put("lastFailure", status.lastFailure());
			upstream.put("answered", status.answered());
			upstream.put("failed", status.failed());
			report.put(status.name(), upstream);
		}
		return report;
	}

}
