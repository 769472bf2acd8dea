package io.github.awsauth.jwt;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestPathCaches;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.StringUtils;

/**
 * Turns a verified JWT into an {@link AwsAuthenticationToken}: an {@link AwsPrincipal} named by
 * the principal claim, with all claims as attributes (and, when the request came with a verified
 * client certificate, {@code clientCertificate}: its subject and thumbprint) and the groups and
 * scopes as authorities.
 * The verified {@link Jwt} is the credential. A principal is made once per verified token: the
 * verified-token cache hands out the same {@code Jwt} object every time a token comes again, and
 * while it does, the principal made of it is kept beside it (by that object's identity, released
 * when the cache lets the token go). A request with a client certificate gets a principal of its
 * own, since its certificate is one of the attributes.
 */
public final class AwsJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final String CLIENT_CERTIFICATE = "clientCertificate";

	private final ClaimAuthorities authorities;

	private final @Nullable String principalClaim;

	private final Set<String> cognitoIssuers;

	/** The principals made of the tokens the verified-token cache holds, by the token object. */
	private final @Nullable Cache<Jwt, AwsPrincipal> principals;

	/**
	 * Create a converter that makes a principal for every token it is handed.
	 * @param authorities maps claims to authorities
	 * @param principalClaim the claim that names the principal, or {@code null} for the default
	 * @param cognitoIssuers the issuers that are Cognito user pools
	 */
	public AwsJwtAuthenticationConverter(ClaimAuthorities authorities, @Nullable String principalClaim,
			Set<String> cognitoIssuers) {
		this(authorities, principalClaim, cognitoIssuers, 0);
	}

	/**
	 * Create a converter that keeps the principals it made of the tokens the decoder hands out
	 * again.
	 * @param authorities maps claims to authorities
	 * @param principalClaim the claim that names the principal, or {@code null} for the default
	 * @param cognitoIssuers the issuers that are Cognito user pools
	 * @param keptPrincipals how many principals are kept at most, as many as the decoder keeps
	 * verified tokens; 0 keeps none
	 */
	public AwsJwtAuthenticationConverter(ClaimAuthorities authorities, @Nullable String principalClaim,
			Set<String> cognitoIssuers, long keptPrincipals) {
		this.authorities = authorities;
		this.principalClaim = principalClaim;
		this.cognitoIssuers = Set.copyOf(cognitoIssuers);
		this.principals = (keptPrincipals > 0)
				? RequestPathCaches.newBuilder().weakKeys().maximumSize(keptPrincipals).build() : null;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		X509Certificate certificate = CertificateBoundTokenValidator.currentCertificate();
		if (certificate != null) {
			return new AwsAuthenticationToken(principal(jwt, certificate), jwt);
		}
		AwsPrincipal principal = (this.principals != null) ? this.principals.get(jwt, (token) -> principal(token, null))
				: principal(jwt, null);
		return new AwsAuthenticationToken(principal, jwt);
	}

	private AwsPrincipal principal(Jwt jwt, @Nullable X509Certificate certificate) {
		Map<String, Object> attributes = jwt.getClaims();
		if (certificate != null && !attributes.containsKey(CLIENT_CERTIFICATE)) {
			// the connection's certificate beside the token: an attribute, never the name
			attributes = new LinkedHashMap<>(attributes);
			attributes.put(CLIENT_CERTIFICATE,
					Map.of("subject", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
							"x5t#S256", ClientCertificates.sha256Thumbprint(certificate)));
		}
		return new AwsPrincipal(name(jwt), Mechanism.JWT, attributes, this.authorities.authorities(jwt.getClaims()));
	}

	private String name(Jwt jwt) {
		String claim = (this.principalClaim != null) ? this.principalClaim : defaultPrincipalClaim(jwt);
		for (String candidate : new String[] { claim, "sub", JwtClaims.CLIENT_ID }) {
			if (jwt.getClaims().get(candidate) instanceof String name && StringUtils.hasText(name)) {
				return name;
			}
		}
		throw new InvalidBearerTokenException("Token names no principal");
	}

	private String defaultPrincipalClaim(Jwt jwt) {
		if (!this.cognitoIssuers.contains(jwt.getClaimAsString("iss"))) {
			return "sub";
		}
		return JwtClaims.ID.equals(jwt.getClaims().get(JwtClaims.TOKEN_USE)) ? JwtClaims.COGNITO_USERNAME
				: JwtClaims.USERNAME;
	}

}
