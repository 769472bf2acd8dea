package io.github.awsauth.autoconfigure;

import io.github.awsauth.alb.AlbProperties;
import io.github.awsauth.apikey.ApiKeyProperties;
import io.github.awsauth.authz.AuthorizationProperties;
import io.github.awsauth.client.ClientProperties;
import io.github.awsauth.iam.IamProperties;
import io.github.awsauth.iid.InstanceIdentityProperties;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.login.LoginProperties;
import io.github.awsauth.mtls.MtlsProperties;
import io.github.awsauth.sigv4.SigV4Properties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of aws-auth-spring-boot-starter ({@code aws.auth}): one block per mechanism and
 * one for authorization.
 */
@ConfigurationProperties(AwsAuthProperties.PREFIX)
public class AwsAuthProperties {

	/** The prefix of every property of the starter. */
	public static final String PREFIX = "aws.auth";

	/**
	 * Bearer JWTs from Cognito user pools and other OIDC issuers.
	 */
	@NestedConfigurationProperty
	private final JwtProperties jwt = new JwtProperties();

	/**
	 * Shortcut for one Cognito user pool.
	 */
	@NestedConfigurationProperty
	private final CognitoProperties cognito = new CognitoProperties();

	/**
	 * Route rules of the auto-configured filter chain.
	 */
	@NestedConfigurationProperty
	private final AuthorizationProperties authorization = new AuthorizationProperties();

	/**
	 * Browser sign-in with OIDC authorization-code login.
	 */
	@NestedConfigurationProperty
	private final LoginProperties login = new LoginProperties();

	/**
	 * Users authenticated by an Application Load Balancer.
	 */
	@NestedConfigurationProperty
	private final AlbProperties alb = new AlbProperties();

	/**
	 * Machines with IAM credentials, identified by STS.
	 */
	@NestedConfigurationProperty
	private final IamProperties iam = new IamProperties();

	/**
	 * SigV4 with keys this service issued.
	 */
	@NestedConfigurationProperty
	private final SigV4Properties sigv4 = new SigV4Properties();

	/**
	 * EC2 instances with their signed instance identity document.
	 */
	@NestedConfigurationProperty
	private final InstanceIdentityProperties instanceIdentity = new InstanceIdentityProperties();

	/**
	 * Machines with an X.509 client certificate, directly or through an ALB.
	 */
	@NestedConfigurationProperty
	private final MtlsProperties mtls = new MtlsProperties();

	/**
	 * API keys: partners and scripts with a key this service issued.
	 */
	@NestedConfigurationProperty
	private final ApiKeyProperties apiKeys = new ApiKeyProperties();

	/**
	 * Cross-origin requests from a web app on another origin.
	 */
	@NestedConfigurationProperty
	private final CorsProperties cors = new CorsProperties();

	/**
	 * Authentication of this service's outgoing requests.
	 */
	@NestedConfigurationProperty
	private final ClientProperties client = new ClientProperties();

	/**
	 * The provider signatures are verified with.
	 */
	@NestedConfigurationProperty
	private final CryptoProperties crypto = new CryptoProperties();

	/**
	 * Health of the upstreams the starter depends on.
	 */
	@NestedConfigurationProperty
	private final HealthProperties health = new HealthProperties();

	/**
	 * Where the answers of upstreams are cached: in each instance, or shared on Redis.
	 */
	@NestedConfigurationProperty
	private final CacheProperties cache = new CacheProperties();

	/**
	 * Micrometer observations of the starter.
	 */
	@NestedConfigurationProperty
	private final ObservationsProperties observations = new ObservationsProperties();

	public JwtProperties getJwt() {
		return this.jwt;
	}

	public CognitoProperties getCognito() {
		return this.cognito;
	}

	public AuthorizationProperties getAuthorization() {
		return this.authorization;
	}

	public LoginProperties getLogin() {
		return this.login;
	}

	public AlbProperties getAlb() {
		return this.alb;
	}

	public IamProperties getIam() {
		return this.iam;
	}

	public SigV4Properties getSigv4() {
		return this.sigv4;
	}

	public InstanceIdentityProperties getInstanceIdentity() {
		return this.instanceIdentity;
	}

	public MtlsProperties getMtls() {
		return this.mtls;
	}

	public ApiKeyProperties getApiKeys() {
		return this.apiKeys;
	}

	public CorsProperties getCors() {
		return this.cors;
	}

	public ClientProperties getClient() {
		return this.client;
	}

	public HealthProperties getHealth() {
		return this.health;
	}

	public CryptoProperties getCrypto() {
		return this.crypto;
	}

	public CacheProperties getCache() {
		return this.cache;
	}

	public ObservationsProperties getObservations() {
		return this.observations;
	}

}
