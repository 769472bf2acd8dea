package io.github.awsauth.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.iam.CallerIdentity;
import io.github.awsauth.iam.IamArn;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc request post-processors that make a request arrive as a caller the starter
 * authenticated, one per mechanism, like Spring Security's {@code jwt()} and {@code oidcLogin()}.
 * A user's groups, scopes and claims go through the application's own authority mapping and JWT
 * converter, found in the MockMvc's application context; a machine gets the attributes its
 * mechanism sets and the authorities its allowlist entry would grant.
 *
 * <pre>
 * mvc.perform(get("/api/admin").with(cognitoUser("alice").groups("admin")))
 *     .andExpect(status().isOk());
 * mvc.perform(get("/api/orders").with(iamRole("arn:aws:iam::123456789012:role/worker").authorities("SCOPE_orders.read")))
 *     .andExpect(status().isOk());
 * </pre>
 *
 * @see WithAwsPrincipal
 */
public final class AwsAuthRequestPostProcessors {

	private AwsAuthRequestPostProcessors() {
	}

	/**
	 * A user with a Cognito access token ({@code mechanism: jwt}).
	 * @param username the user's name
	 * @return the post-processor, to which groups, scopes and claims can be added
	 */
	public static User cognitoUser(String username) {
		return new User(Mechanism.JWT, username);
	}

	/**
	 * A user signed in with the browser ({@code mechanism: login}), an {@code OAuth2AuthenticationToken}
	 * with the starter's OIDC principal.
	 * @param username the user's name
	 * @return the post-processor
	 */
	public static User signedInUser(String username) {
		return new User(Mechanism.LOGIN, username);
	}

	/**
	 * A user an ALB signed in ({@code mechanism: alb}), named by its {@code sub}.
	 * @param sub the user's subject
	 * @return the post-processor
	 */
	public static User albUser(String sub) {
		return new User(Mechanism.ALB, sub);
	}

	/**
	 * A machine with an IAM role ({@code mechanism: iam}), named by the role's ARN as the IAM
	 * mechanism names an assumed role, with its attributes ({@code arn}, {@code account},
	 * {@code userId}, {@code role}, {@code session}).
	 * @param roleArn {@code arn:aws:iam::<account>:role/<name>}
	 * @return the post-processor
	 */
	public static Machine iamRole(String roleArn) {
		String[] parts = roleArn.split(":", 6);
		if (parts.length != 6 || !parts[5].startsWith("role/")) {
			throw new IllegalArgumentException("Not a role ARN: " + roleArn);
		}
		String role = parts[5].substring(parts[5].lastIndexOf('/') + 1);
		String assumed = "arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + role + "/aws-auth-test";
		IamArn arn = IamArn.of(new CallerIdentity(assumed, parts[4], "AROAAWSAUTHTEST:aws-auth-test", Instant.now()));
		return new Machine(Mechanism.IAM, arn.name(), arn.attributes());
	}

	/**
	 * A machine with a SigV4 key this service issued ({@code mechanism: sigv4}).
	 * @param principal the key's principal, which names the caller
	 * @param accessKeyId the key's access key id
	 * @return the post-processor
	 */
	public static Machine sigv4Key(String principal, String accessKeyId) {
		return new Machine(Mechanism.SIGV4, principal, Map.of("accessKeyId", accessKeyId, "presigned", false));
	}

	/**
	 * An EC2 instance with its identity document ({@code mechanism: instance-identity}).
	 * @param instanceId the instance, which names the caller
	 * @param accountId its account
	 * @param region its region
	 * @return the post-processor
	 */
	public static Machine ec2Instance(String instanceId, String accountId, String region) {
		return new Machine(Mechanism.INSTANCE_IDENTITY, instanceId, Map.of("instanceId", instanceId, "accountId",
				accountId, "region", region, "signatureForm", "rsa2048"));
	}

	/**
	 * A machine with a client certificate ({@code mechanism: mtls}), named by its subject's CN, as
	 * the mTLS mechanism names it by default ({@code aws.auth.mtls.principal: cn}).
	 * @param subject the certificate's subject, RFC 2253, such as {@code CN=billing,O=Example}
	 * @return the post-processor; {@code attribute} changes what else the certificate says
	 */
	public static Machine clientCertificate(String subject) {
		return new Machine(Mechanism.MTLS, commonName(subject), Map.of("subject", subject, "issuer",
				"CN=aws-auth-test CA", "serialNumber", "01", "source", "tls"));
	}

	private static String commonName(String subject) {
		try {
			List<Rdn> rdns = new LdapName(subject).getRdns();
			for (int i = rdns.size() - 1; i >= 0; i--) {
				if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
					return String.valueOf(rdns.get(i).getValue());
				}
			}
		}
		catch (InvalidNameException ex) {
			throw new IllegalArgumentException("Not an RFC 2253 subject: " + subject, ex);
		}
		throw new IllegalArgumentException("The subject has no CN, which names the caller: " + subject);
	}

	/**
	 * A caller with an API key ({@code mechanism: api-key}), named by the key's id.
	 * @param keyId the key's id
	 * @return the post-processor
	 */
	public static Machine apiKey(String keyId) {
		return new Machine(Mechanism.API_KEY, keyId, Map.of("keyId", keyId));
	}

	/** A user, its claims mapped by the application. */
	public static final class User implements RequestPostProcessor {

		private final Mechanism mechanism;

		private final String name;

		private final List<String> groups = new ArrayList<>();

		private final List<String> scopes = new ArrayList<>();

		private final List<String> authorities = new ArrayList<>();

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private User(Mechanism mechanism, String name) {
			this.mechanism = mechanism;
			this.name = name;
		}

		/**
		 * Put the user in groups.
		 * @param groups the groups
		 * @return this post-processor
		 */
		public User groups(String... groups) {
			this.groups.addAll(Arrays.asList(groups));
			return this;
		}

		/**
		 * Grant scopes.
		 * @param scopes the scopes
		 * @return this post-processor
		 */
		public User scopes(String... scopes) {
			this.scopes.addAll(Arrays.asList(scopes));
			return this;
		}

		/**
		 * Add or replace a claim.
		 * @param name the claim
		 * @param value its value
		 * @return this post-processor
		 */
		public User claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		/**
		 * Grant authorities beside those of the groups and scopes.
		 * @param authorities the authorities
		 * @return this post-processor
		 */
		public User authorities(String... authorities) {
			this.authorities.addAll(Arrays.asList(authorities));
			return this;
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			Authentication authentication = AwsTestPrincipals.user(this.mechanism, this.name, this.groups, this.scopes,
					this.claims, this.authorities,
					WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()));
			return SecurityMockMvcRequestPostProcessors.authentication(authentication).postProcessRequest(request);
		}

	}

	/** A machine, with the authorities its allowlist entry would grant. */
	public static final class Machine implements RequestPostProcessor {

		private final Mechanism mechanism;

		private final String name;

		private final Map<String, Object> attributes;

		private final List<String> authorities = new ArrayList<>();

		private Machine(Mechanism mechanism, String name, Map<String, Object> attributes) {
			this.mechanism = mechanism;
			this.name = name;
			this.attributes = new LinkedHashMap<>(attributes);
		}

		/**
		 * Grant the authorities of the machine's allowlist entry.
		 * @param authorities the authorities
		 * @return this post-processor
		 */
		public Machine authorities(String... authorities) {
			this.authorities.addAll(Arrays.asList(authorities));
			return this;
		}

		/**
		 * Add or replace an attribute.
		 * @param name the attribute
		 * @param value its value
		 * @return this post-processor
		 */
		public Machine attribute(String name, Object value) {
			this.attributes.put(name, value);
			return this;
		}

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			Authentication authentication = AwsTestPrincipals.machine(this.mechanism, this.name, this.attributes,
					this.authorities);
			return SecurityMockMvcRequestPostProcessors.authentication(authentication).postProcessRequest(request);
		}

	}

}
