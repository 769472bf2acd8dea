package io.github.awsauth.jwt;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.awsauth.core.ClaimAuthorities;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * One {@link AuthenticationManager} per trusted issuer, looked up by a token's (not yet
 * verified) {@code iss}. An unknown issuer resolves to {@code null}, which Spring Security's
 * {@link JwtIssuerAuthenticationManagerResolver} turns into a 401 before any network call.
 */
public final class TrustedIssuerAuthenticationManagers implements AuthenticationManagerResolver<String> {

	private final Map<String, AuthenticationManager> managers;

	/**
	 * Create the managers of the given issuers.
	 * @param issuers the trusted issuers
	 * @param decoders builds each issuer's decoder
	 * @param properties the JWT properties (authority mapping, principal claim)
	 */
	public TrustedIssuerAuthenticationManagers(Collection<TrustedIssuer> issuers, IssuerJwtDecoderFactory decoders,
			JwtProperties properties) {
		ClaimAuthorities authorities = new ClaimAuthorities(properties.getGroupsClaim(),
				properties.getGroupAuthorityPrefix(), properties.getScopeAuthorityPrefix());
		Map<String, AuthenticationManager> managers = new LinkedHashMap<>();
		for (TrustedIssuer issuer : issuers) {
			JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoders.create(issuer));
			provider.setJwtAuthenticationConverter(
					new AwsJwtAuthenticationConverter(authorities, properties.getPrincipalClaim(), issuer.cognito()));
			managers.put(issuer.issuerUri(), provider::authenticate);
		}
		this.managers = Map.copyOf(managers);
	}

	@Override
	public @Nullable AuthenticationManager resolve(String issuer) {
		return this.managers.get(issuer);
	}

	/**
	 * The trusted issuers.
	 * @return their identifiers
	 */
	public Set<String> issuers() {
		return this.managers.keySet();
	}

}
