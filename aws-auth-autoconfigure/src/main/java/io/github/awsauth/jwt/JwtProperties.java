package io.github.awsauth.jwt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Bearer JWT authentication ({@code aws.auth.jwt}).
 */
public class JwtProperties {

	/**
	 * Trusted issuers. A token's "iss" claim picks the entry; a token of any other issuer is
	 * rejected without a network call.
	 */
	private List<Issuer> issuers = new ArrayList<>();

	/**
	 * Claim that lists the caller's groups. Each group becomes an authority.
	 */
	private String groupsClaim = "cognito:groups";

	/**
	 * Prefix of the authority a group becomes.
	 */
	private String groupAuthorityPrefix = "ROLE_";

	/**
	 * Prefix of the authority a scope ("scope" or "scp" claim) becomes.
	 */
	private String scopeAuthorityPrefix = "SCOPE_";

	/**
	 * Claim that names the principal. Default: "username" for Cognito access tokens,
	 * "cognito:username" for Cognito id tokens, "sub" otherwise.
	 */
	private @Nullable String principalClaim;

	/**
	 * Tolerance when checking "exp" and "nbf" against the local clock.
	 */
	private Duration clockSkew = Duration.ofSeconds(60);

	/**
	 * Largest bearer token accepted; a longer one is rejected before it is parsed.
	 */
	private DataSize maxTokenSize = DataSize.ofKilobytes(16);

	/**
	 * How the issuers' signing keys are fetched and cached.
	 */
	private final Jwks jwks = new Jwks();

	/**
	 * How many verified tokens are remembered (by the SHA-256 of the token), with the principal
	 * made of each, so that a token used again is not verified again; exp and nbf, a certificate
	 * binding and the application's validators are still checked on every request. A token is
	 * remembered until it expires, at most jwks.max-age. 0 turns the cache off.
	 */
	private long verifiedCacheSize = 10_000;

	public List<Issuer> getIssuers() {
		return this.issuers;
	}

	public void setIssuers(List<Issuer> issuers) {
		this.issuers = issuers;
	}

	public String getGroupsClaim() {
		return this.groupsClaim;
	}

	public void setGroupsClaim(String groupsClaim) {
		this.groupsClaim = groupsClaim;
	}

	public String getGroupAuthorityPrefix() {
		return this.groupAuthorityPrefix;
	}

	public void setGroupAuthorityPrefix(String groupAuthorityPrefix) {
		this.groupAuthorityPrefix = groupAuthorityPrefix;
	}

	public String getScopeAuthorityPrefix() {
		return this.scopeAuthorityPrefix;
	}

	public void setScopeAuthorityPrefix(String scopeAuthorityPrefix) {
		this.scopeAuthorityPrefix = scopeAuthorityPrefix;
	}

	public @Nullable String getPrincipalClaim() {
		return this.principalClaim;
	}

	public void setPrincipalClaim(@Nullable String principalClaim) {
		this.principalClaim = principalClaim;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public DataSize getMaxTokenSize() {
		return this.maxTokenSize;
	}

	public void setMaxTokenSize(DataSize maxTokenSize) {
		this.maxTokenSize = maxTokenSize;
	}

	public long getVerifiedCacheSize() {
		return this.verifiedCacheSize;
	}

	public void setVerifiedCacheSize(long verifiedCacheSize) {
		this.verifiedCacheSize = verifiedCacheSize;
	}

	public Jwks getJwks() {
		return this.jwks;
	}

	/**
	 * One trusted issuer.
	 */
	public static class Issuer {

		/**
		 * Issuer identifier; a token's "iss" claim must equal it exactly. For a Cognito user
		 * pool: https://cognito-idp.{region}.amazonaws.com/{user-pool-id}.
		 */
		private @Nullable String issuerUri;

		/**
		 * URI of the issuer's JSON Web Key Set. Default: {issuer-uri}/.well-known/jwks.json for
		 * Cognito issuers, otherwise the "jwks_uri" of the issuer's OpenID discovery document.
		 */
		private @Nullable String jwkSetUri;

		/**
		 * Accepted audiences: the "client_id" claim of Cognito access tokens, the "aud" claim of
		 * id tokens and of other issuers' tokens. At least one is required.
		 */
		private List<String> audiences = new ArrayList<>();

		/**
		 * Cognito only: which tokens are accepted, by their "token_use" claim.
		 */
		private TokenUse tokenUse = TokenUse.ACCESS;

		/**
		 * Whether the issuer is a Cognito user pool (checks "token_use", Cognito principal and
		 * JWKS defaults). Default: true when the issuer host is cognito-idp.{region}.amazonaws.com.
		 */
		private @Nullable Boolean cognito;

		public @Nullable String getIssuerUri() {
			return this.issuerUri;
		}

		public void setIssuerUri(@Nullable String issuerUri) {
			this.issuerUri = issuerUri;
		}

		public @Nullable String getJwkSetUri() {
			return this.jwkSetUri;
		}

		public void setJwkSetUri(@Nullable String jwkSetUri) {
			this.jwkSetUri = jwkSetUri;
		}

		public List<String> getAudiences() {
			return this.audiences;
		}

		public void setAudiences(List<String> audiences) {
			this.audiences = audiences;
		}

		public TokenUse getTokenUse() {
			return this.tokenUse;
		}

		public void setTokenUse(TokenUse tokenUse) {
			this.tokenUse = tokenUse;
		}

		public @Nullable Boolean getCognito() {
			return this.cognito;
		}

		public void setCognito(@Nullable Boolean cognito) {
			this.cognito = cognito;
		}

	}

	/**
	 * Fetching and caching of the issuers' JSON Web Key Sets.
	 */
	public static class Jwks {

		/**
		 * How long a fetched key set is used before it is fetched again. While the issuer cannot
		 * be reached, the cached keys stay in use.
		 */
		private Duration maxAge = Duration.ofHours(1);

		/**
		 * Least time between two fetches of one issuer's key set, whatever their outcome; bounds
		 * the fetches a flood of unknown "kid"s can cause.
		 */
		private Duration refreshCooldown = Duration.ofSeconds(10);

		/**
		 * Connect timeout of a key set or discovery fetch.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Read timeout of a key set or discovery fetch.
		 */
		private Duration readTimeout = Duration.ofSeconds(3);

		/**
		 * Largest key set or discovery document accepted.
		 */
		private DataSize maxSize = DataSize.ofKilobytes(256);

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Duration getRefreshCooldown() {
			return this.refreshCooldown;
		}

		public void setRefreshCooldown(Duration refreshCooldown) {
			this.refreshCooldown = refreshCooldown;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

}
