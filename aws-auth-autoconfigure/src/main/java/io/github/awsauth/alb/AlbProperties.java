package io.github.awsauth.alb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Users authenticated by an Application Load Balancer ({@code aws.auth.alb}).
 */
public class AlbProperties {

	/**
	 * Whether the x-amzn-oidc-data header is trusted after verification. Off: the header is ignored
	 * completely (a client that bypasses the load balancer can send it).
	 */
	private boolean enabled;

	/**
	 * Region of the load balancer; picks the public key endpoint. Never taken from the token.
	 */
	private @Nullable String region;

	/**
	 * ARNs of the load balancers whose signature is accepted (the token header's "signer").
	 * Required.
	 */
	private List<String> signerArns = new ArrayList<>();

	/**
	 * Expected "iss" claim (the identity provider's issuer). Optional.
	 */
	private @Nullable String issuer;

	/**
	 * Accepted OIDC client ids (the token header's "client"). Empty: not checked.
	 */
	private List<String> clientIds = new ArrayList<>();

	/**
	 * URL of a signing key, {kid} replaced by the key id, {region} by the region. GovCloud:
	 * https://s3-us-gov-west-1.amazonaws.com/aws-elb-public-keys-prod-us-gov-west-1/{kid}.
	 */
	private String publicKeyUri = "https://public-keys.auth.elb.{region}.amazonaws.com/{kid}";

	/**
	 * Header with the signed user claims.
	 */
	private String dataHeader = "x-amzn-oidc-data";

	/**
	 * Header with the identity provider's access token.
	 */
	private String accessTokenHeader = "x-amzn-oidc-accesstoken";

	/**
	 * Whether the access token header is also verified, as a bearer JWT of an issuer of
	 * aws.auth.jwt, to take groups and scopes from it (the ALB's user claims usually lack them).
	 */
	private boolean verifyAccessToken;

	/**
	 * Tolerance when checking "exp" against the local clock.
	 */
	private Duration clockSkew = Duration.ofSeconds(60);

	/**
	 * Least time between two fetches of a key id that could not be fetched.
	 */
	private Duration refreshCooldown = Duration.ofSeconds(10);

	/**
	 * Timeout of a key fetch (connect and answer).
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * Most signing keys kept.
	 */
	private long keyCacheSize = 100;

	/**
	 * Most verified x-amzn-oidc-data headers remembered (by their SHA-256), so that a header sent
	 * again is not verified again until it expires; its expiry is checked on every request. 0: every
	 * header is verified.
	 */
	private long verifiedCacheSize = 10_000;

	/**
	 * Most fetches of signing keys never seen before per refresh-cooldown window; beyond it a token
	 * with another new kid is answered 503 with Retry-After, however many kids an attacker invents.
	 */
	private int maxNewKeyFetches = 5;

	/**
	 * Where the logout handler sends the browser after expiring the ALB session cookies, for
	 * example a Cognito https://{domain}/logout?client_id=...&logout_uri=... address. Must not be
	 * behind an authenticate rule.
	 */
	private String logoutUrl = "/";

	/**
	 * Name of the ALB session cookie (SessionCookieName of the listener rule); all its shards are
	 * expired on logout.
	 */
	private String sessionCookieName = "AWSELBAuthSessionCookie";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public List<String> getSignerArns() {
		return this.signerArns;
	}

	public void setSignerArns(List<String> signerArns) {
		this.signerArns = signerArns;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public List<String> getClientIds() {
		return this.clientIds;
	}

	public void setClientIds(List<String> clientIds) {
		this.clientIds = clientIds;
	}

	public String getPublicKeyUri() {
		return this.publicKeyUri;
	}

	public void setPublicKeyUri(String publicKeyUri) {
		this.publicKeyUri = publicKeyUri;
	}

	public String getDataHeader() {
		return this.dataHeader;
	}

	public void setDataHeader(String dataHeader) {
		this.dataHeader = dataHeader;
	}

	public String getAccessTokenHeader() {
		return this.accessTokenHeader;
	}

	public void setAccessTokenHeader(String accessTokenHeader) {
		this.accessTokenHeader = accessTokenHeader;
	}

	public boolean isVerifyAccessToken() {
		return this.verifyAccessToken;
	}

	public void setVerifyAccessToken(boolean verifyAccessToken) {
		this.verifyAccessToken = verifyAccessToken;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public Duration getRefreshCooldown() {
		return this.refreshCooldown;
	}

	public void setRefreshCooldown(Duration refreshCooldown) {
		this.refreshCooldown = refreshCooldown;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public long getKeyCacheSize() {
		return this.keyCacheSize;
	}

	public void setKeyCacheSize(long keyCacheSize) {
		this.keyCacheSize = keyCacheSize;
	}

	public String getLogoutUrl() {
		return this.logoutUrl;
	}

	public void setLogoutUrl(String logoutUrl) {
		this.logoutUrl = logoutUrl;
	}

	public String getSessionCookieName() {
		return this.sessionCookieName;
	}

	public void setSessionCookieName(String sessionCookieName) {
		this.sessionCookieName = sessionCookieName;
	}

	public long getVerifiedCacheSize() {
		return this.verifiedCacheSize;
	}

	public void setVerifiedCacheSize(long verifiedCacheSize) {
		this.verifiedCacheSize = verifiedCacheSize;
	}

	public int getMaxNewKeyFetches() {
		return this.maxNewKeyFetches;
	}

	public void setMaxNewKeyFetches(int maxNewKeyFetches) {
		this.maxNewKeyFetches = maxNewKeyFetches;
	}

}
