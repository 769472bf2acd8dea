package io.github.awsauth.jwt;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.core.Mechanism;
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
 * The verified {@link Jwt} is the credential.
 */
public final class AwsJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private static final String CLIENT_CERTIFICATE = "clientCertificate";

	private final ClaimAuthorities authorities;

	private final @Nullable String principalClaim;

	private final Set<String> cognitoIssuers;

	/**
	 * Create a converter.
	 * @param authorities maps claims to authorities
	 * @param principalClaim the claim that names the principal, or {@code null} for the default
	 * @param cognitoIssuers the issuers that are Cognito user pools
	 */
	public AwsJwtAuthenticationConverter(ClaimAuthorities authorities, @Nullable String principalClaim,
			Set<String> cognitoIssuers) {
		this.authorities = authorities;
		this.principalClaim = principalClaim;
		this.cognitoIssuers = Set.copyOf(cognitoIssuers);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Map<String, Object> attributes = jwt.getClaims();
		X509Certificate certificate = CertificateBoundTokenValidator.currentCertificate();
		if (certificate != null && !attributes.containsKey(CLIENT_CERTIFICATE)) {
			// the connection's certificate beside the token: an attribute, never the name
			attributes = new LinkedHashMap<>(attributes);
			attributes.put(CLIENT_CERTIFICATE,
					Map.of("subject", certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
							"x5t#S256", ClientCertificates.sha256Thumbprint(certificate)));
		}
		AwsPrincipal principal = new AwsPrincipal(name(jwt), Mechanism.JWT, attributes,
				this.authorities.authorities(jwt.getClaims()));
		return new AwsAuthenticationToken(principal, jwt);
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
