package io.github.awsauth.authz;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.Mechanism;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Authorization of the auto-configured filter chain ({@code aws.auth.authorization}): route rules,
 * then the policy authorizer, OPA and Verified Permissions where configured.
 */
public class AuthorizationProperties {

	/**
	 * Path patterns anyone may call without a credential, for example /actuator/health.
	 */
	private List<String> publicPaths = new ArrayList<>();

	/**
	 * Route rules, checked in order after the public paths; the first rule whose pattern and
	 * method match decides. Every other request follows {@code default}.
	 */
	private List<Route> routes = new ArrayList<>();

	/**
	 * What a request that no public path and no route matches needs ({@code aws.auth.authorization.default}):
	 * an authenticated caller, or nothing lets it through. The property's description is in
	 * additional-spring-configuration-metadata.json, since "default" cannot name a field.
	 */
	private DefaultAccess defaultAccess = DefaultAccess.AUTHENTICATED;

	/**
	 * IAM-style policy documents (JSON text) attached to authorities, for the policy authorizer:
	 * a caller gets the policies of each authority it holds. Write a policy variable as
	 * \${aws:username}: unescaped, Spring would resolve it as a property placeholder.
	 */
	private Map<String, List<String>> policies = new LinkedHashMap<>();

	/**
	 * Resources holding one policy document each, such as classpath:policies/*.json, attached to
	 * the authority the file is named after (ROLE_partner.json). Not placeholder-resolved.
	 */
	private List<String> policyLocations = new ArrayList<>();

	/**
	 * How long the policies of a caller are cached.
	 */
	private Duration policyCacheTtl = Duration.ofSeconds(300);

	/**
	 * How many callers' policies are cached at most.
	 */
	private long policyCacheSize = 10_000;

	/**
	 * How long a policy provider may take for a caller before the request is denied.
	 */
	private Duration policyProviderTimeout = Duration.ofSeconds(2);

	/**
	 * The attribute of the caller that @awsAuth.isOwner compares with a resource's owner, such as
	 * sub or custom:tenant. Not set: the caller's name.
	 */
	private @Nullable String ownerAttribute;

	/**
	 * Open Policy Agent as a decision point.
	 */
	private final Opa opa = new Opa();

	/**
	 * Amazon Verified Permissions as a decision point.
	 */
	private final VerifiedPermissions verifiedPermissions = new VerifiedPermissions();

	public DefaultAccess getDefault() {
		return this.defaultAccess;
	}

	public void setDefault(DefaultAccess defaultAccess) {
		this.defaultAccess = defaultAccess;
	}

	public Map<String, List<String>> getPolicies() {
		return this.policies;
	}

	public void setPolicies(Map<String, List<String>> policies) {
		this.policies = policies;
	}

	public List<String> getPolicyLocations() {
		return this.policyLocations;
	}

	public void setPolicyLocations(List<String> policyLocations) {
		this.policyLocations = policyLocations;
	}

	public Duration getPolicyCacheTtl() {
		return this.policyCacheTtl;
	}

	public void setPolicyCacheTtl(Duration policyCacheTtl) {
		this.policyCacheTtl = policyCacheTtl;
	}

	public long getPolicyCacheSize() {
		return this.policyCacheSize;
	}

	public void setPolicyCacheSize(long policyCacheSize) {
		this.policyCacheSize = policyCacheSize;
	}

	public Duration getPolicyProviderTimeout() {
		return this.policyProviderTimeout;
	}

	public void setPolicyProviderTimeout(Duration policyProviderTimeout) {
		this.policyProviderTimeout = policyProviderTimeout;
	}

	public @Nullable String getOwnerAttribute() {
		return this.ownerAttribute;
	}

	public void setOwnerAttribute(@Nullable String ownerAttribute) {
		this.ownerAttribute = ownerAttribute;
	}

	public Opa getOpa() {
		return this.opa;
	}

	public VerifiedPermissions getVerifiedPermissions() {
		return this.verifiedPermissions;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public List<Route> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<Route> routes) {
		this.routes = routes;
	}

	/**
	 * What a request that matches no rule needs.
	 */
	public enum DefaultAccess {

		/** An authenticated caller, whatever its authorities. */
		AUTHENTICATED,

		/** Nothing: such a request is refused (403 for a known caller, 401 without a credential). */
		DENY

	}

	/**
	 * One route rule, like an API Gateway HTTP API route's authorization scopes.
	 */
	public static class Route {

		/**
		 * Path pattern of the route, for example /api/orders/**.
		 */
		private @Nullable String pattern;

		/**
		 * HTTP methods the rule applies to. Empty: every method.
		 */
		private List<HttpMethod> methods = new ArrayList<>();

		/**
		 * Authorities of which the caller needs at least one. Empty: any authenticated caller.
		 */
		private List<String> anyOf = new ArrayList<>();

		/**
		 * Authorities the caller must all hold (instead of any-of).
		 */
		private List<String> allOf = new ArrayList<>();

		/**
		 * Mechanisms whose callers the route accepts, for example [iam, mtls] for machines only;
		 * empty for every mechanism.
		 */
		private List<Mechanism> mechanisms = new ArrayList<>();

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public List<HttpMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(List<HttpMethod> methods) {
			this.methods = methods;
		}

		public List<String> getAnyOf() {
			return this.anyOf;
		}

		public void setAnyOf(List<String> anyOf) {
			this.anyOf = anyOf;
		}

		public List<String> getAllOf() {
			return this.allOf;
		}

		public void setAllOf(List<String> allOf) {
			this.allOf = allOf;
		}

		public List<Mechanism> getMechanisms() {
			return this.mechanisms;
		}

		public void setMechanisms(List<Mechanism> mechanisms) {
			this.mechanisms = mechanisms;
		}

	}

	/**
	 * What a decision point that cannot be asked (down, slow, throttling, answering nonsense) means
	 * for the request.
	 */
	public enum Fail {

		/** The request is denied: 403. */
		DENY,

		/** The request is refused as the service being unavailable: 503 with Retry-After. */
		UNAVAILABLE

	}

	/**
	 * What every remote decision point has: a timeout, what its failure means, and a cache.
	 */
	public abstract static class RemoteDecisionPointProperties {

		/**
		 * How long the decision point may take to answer.
		 */
		private Duration timeout = Duration.ofMillis(500);

		/**
		 * What a decision point that cannot be asked means for the request.
		 */
		private Fail fail = Fail.DENY;

		/**
		 * How long a decision is cached for an identical question; 0 for no cache.
		 */
		private Duration cacheTtl;

		/**
		 * How many decisions are cached at most.
		 */
		private long cacheSize = 10_000;

		RemoteDecisionPointProperties(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Fail getFail() {
			return this.fail;
		}

		public void setFail(Fail fail) {
			this.fail = fail;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public long getCacheSize() {
			return this.cacheSize;
		}

		public void setCacheSize(long cacheSize) {
			this.cacheSize = cacheSize;
		}

	}

	/**
	 * Open Policy Agent, asked through its data API ({@code aws.auth.authorization.opa}).
	 */
	public static class Opa extends RemoteDecisionPointProperties {

		/**
		 * The URL of the decision in OPA's data API, such as
		 * http://localhost:8181/v1/data/http/authz. Not set: OPA is not asked.
		 */
		private @Nullable URI url;

		/**
		 * Request headers sent to OPA in input.headers (lower-cased names); no others are sent.
		 */
		private List<String> headers = new ArrayList<>();

		public Opa() {
			super(Duration.ZERO);
		}

		public @Nullable URI getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable URI url) {
			this.url = url;
		}

		public List<String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(List<String> headers) {
			this.headers = headers;
		}

	}

	/**
	 * Amazon Verified Permissions, asked with IsAuthorized
	 * ({@code aws.auth.authorization.verified-permissions}).
	 */
	public static class VerifiedPermissions extends RemoteDecisionPointProperties {

		/**
		 * The policy store whose Cedar policies decide. Not set: Verified Permissions is not asked.
		 */
		private @Nullable String policyStoreId;

		/**
		 * The region of the policy store. Not set: the SDK's default region chain.
		 */
		private @Nullable String region;

		/**
		 * An endpoint to use instead of the region's, such as a VPC endpoint.
		 */
		private @Nullable URI endpoint;

		/**
		 * The Cedar entity type of the caller, such as App::User.
		 */
		private String principalEntityType = "App::User";

		/**
		 * The Cedar entity type of the caller's groups (its authorities, Cognito groups as
		 * pool-id|group). Not set: UserGroup in the principal's namespace.
		 */
		private @Nullable String groupEntityType;

		/**
		 * The Cedar entity type of actions. Not set: Action in the principal's namespace.
		 */
		private @Nullable String actionEntityType;

		/**
		 * Action ids by "METHOD pattern" of the route rule that matched, such as
		 * "[GET /api/orders/**]": ReadOrders. Unmapped: the action id is "METHOD pattern" itself,
		 * or "METHOD path" for a request no route rule names.
		 */
		private Map<String, String> actions = new LinkedHashMap<>();

		/**
		 * The Cedar entity type of the resource.
		 */
		private String resourceEntityType = "App::Endpoint";

		/**
		 * The resource's entity id, with {method}, {path} and {pattern} replaced by the request's.
		 */
		private String resourceId = "{path}";

		/**
		 * Whether a caller authenticated with a Cognito token is decided with
		 * IsAuthorizedWithToken, the original token standing for the principal (the policy store
		 * must have the user pool as its identity source).
		 */
		private boolean useToken;

		public VerifiedPermissions() {
			super(Duration.ofSeconds(60));
		}

		public @Nullable String getPolicyStoreId() {
			return this.policyStoreId;
		}

		public void setPolicyStoreId(@Nullable String policyStoreId) {
			this.policyStoreId = policyStoreId;
		}

		public @Nullable String getRegion() {
			return this.region;
		}

		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		public @Nullable URI getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
		}

		public String getPrincipalEntityType() {
			return this.principalEntityType;
		}

		public void setPrincipalEntityType(String principalEntityType) {
			this.principalEntityType = principalEntityType;
		}

		public @Nullable String getGroupEntityType() {
			return this.groupEntityType;
		}

		public void setGroupEntityType(@Nullable String groupEntityType) {
			this.groupEntityType = groupEntityType;
		}

		public @Nullable String getActionEntityType() {
			return this.actionEntityType;
		}

		public void setActionEntityType(@Nullable String actionEntityType) {
			this.actionEntityType = actionEntityType;
		}

		public Map<String, String> getActions() {
			return this.actions;
		}

		public void setActions(Map<String, String> actions) {
			this.actions = actions;
		}

		public String getResourceEntityType() {
			return this.resourceEntityType;
		}

		public void setResourceEntityType(String resourceEntityType) {
			this.resourceEntityType = resourceEntityType;
		}

		public String getResourceId() {
			return this.resourceId;
		}

		public void setResourceId(String resourceId) {
			this.resourceId = resourceId;
		}

		public boolean isUseToken() {
			return this.useToken;
		}

		public void setUseToken(boolean useToken) {
			this.useToken = useToken;
		}

	}

}
