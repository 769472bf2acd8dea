package io.github.awsauth.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.login.OidcLoginPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The {@code Authentication}s the starter's mechanisms produce, made for tests without a
 * credential: a user's claims go through the application's own authority mapping (its
 * {@link ClaimAuthorities} and, for a JWT, its {@link AwsJwtAuthenticationConverter}), so a test
 * sees the authorities and name production would.
 */
final class AwsTestPrincipals {

	/** The issuer of the tokens made here: a Cognito user pool's, as the starter recognises one. */
	static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AwsAuthTest";

	/** The app client of those tokens. */
	static final String CLIENT_ID = "aws-auth-test";

	/** The starter's default mapping, for a test without an application context. */
	private static final ClaimAuthorities DEFAULT_MAPPING = defaultMapping();

	private AwsTestPrincipals() {
	}

	/**
	 * A user of a bearer JWT, a browser sign-in or an ALB.
	 * @param mechanism {@code JWT}, {@code LOGIN} or {@code ALB}
	 * @param name the user's name
	 * @param groups the user's groups
	 * @param scopes the scopes granted
	 * @param claims further claims, replacing the made ones
	 * @param authorities authorities granted beside those of the claims
	 * @param context the application, whose mapping is used, or {@code null} for the starter's defaults
	 * @return the authentication
	 */
	static Authentication user(Mechanism mechanism, String name, Collection<String> groups, Collection<String> scopes,
			Map<String, Object> claims, Collection<String> authorities, @Nullable ApplicationContext context) {
		ClaimAuthorities mapping = bean(context, ClaimAuthorities.class);
		mapping = (mapping != null) ? mapping : DEFAULT_MAPPING;
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("iss", ISSUER);
		// the name is the subject too: an application's converter names a user of an issuer it does
		// not know as a Cognito user pool by sub
		all.put("sub", name);
		all.put("iat", now);
		all.put("exp", now.plusSeconds(3600));
		if (!groups.isEmpty()) {
			all.put(mapping.groupsClaim(), List.copyOf(groups));
		}
		return switch (mechanism) {
			case JWT -> jwt(name, all, scopes, claims, authorities, mapping, context);
			case LOGIN -> login(name, all, scopes, claims, authorities, mapping);
			case ALB -> {
				if (!scopes.isEmpty()) {
					throw new IllegalArgumentException("An ALB header carries the user's claims, not scopes: "
							+ "set the claims, or authorities for what an access token would grant");
				}
				all.remove("iat");
				all.putAll(claims);
				yield new AwsAuthenticationToken(new AwsPrincipal(name, Mechanism.ALB, all,
						with(mapping.authorities(all), authorities)), null);
			}
			default -> throw new IllegalArgumentException(mechanism + " is a machine mechanism: use machine(…)");
		};
	}

	/**
	 * A machine, with the authorities its allowlist entry would grant.
	 * @param mechanism the machine mechanism
	 * @param name its name, as the mechanism names it (a role ARN, an instance id, …)
	 * @param attributes its attributes
	 * @param authorities its authorities
	 * @return the authentication
	 */
	static Authentication machine(Mechanism mechanism, String name, Map<String, Object> attributes,
			Collection<String> authorities) {
		if (isUser(mechanism)) {
			throw new IllegalArgumentException(mechanism + " is a user mechanism: use user(…)");
		}
		return new AwsAuthenticationToken(new AwsPrincipal(name, mechanism, attributes, with(List.of(), authorities)),
				null);
	}

	/**
	 * Whether a mechanism authenticates users (with claims) rather than machines.
	 * @param mechanism the mechanism
	 * @return {@code true} for {@code JWT}, {@code LOGIN} and {@code ALB}
	 */
	static boolean isUser(Mechanism mechanism) {
		return mechanism == Mechanism.JWT || mechanism == Mechanism.LOGIN || mechanism == Mechanism.ALB;
	}

	private static Authentication jwt(String name, Map<String, Object> all, Collection<String> scopes,
			Map<String, Object> claims, Collection<String> authorities, ClaimAuthorities mapping,
			@Nullable ApplicationContext context) {
		all.put("token_use", "access");
		all.put("client_id", CLIENT_ID);
		all.put("username", name);
		if (!scopes.isEmpty()) {
			all.put("scope", String.join(" ", scopes));
		}
		all.put("jti", UUID.randomUUID().toString());
		all.putAll(claims);
		Jwt jwt = Jwt.withTokenValue("aws-auth-test-token").header("alg", "RS256").claims((c) -> c.putAll(all)).build();
		AwsJwtAuthenticationConverter converter = bean(context, AwsJwtAuthenticationConverter.class);
		if (converter == null) {
			converter = new AwsJwtAuthenticationConverter(mapping, null, Set.of(ISSUER));
		}
		AbstractAuthenticationToken converted = converter.convert(jwt);
		if (authorities.isEmpty() || !(converted.getPrincipal() instanceof AwsPrincipal principal)) {
			return converted;
		}
		return new AwsAuthenticationToken(new AwsPrincipal(principal.getName(), Mechanism.JWT, principal.attributes(),
				with(principal.authorities(), authorities)), jwt);
	}

	private static Authentication login(String name, Map<String, Object> all, Collection<String> scopes,
			Map<String, Object> claims, Collection<String> authorities, ClaimAuthorities mapping) {
		all.put("token_use", "id");
		all.put("aud", List.of(CLIENT_ID));
		all.put("cognito:username", name);
		all.putAll(claims);
		Instant issued = (all.get("iat") instanceof Instant iat) ? iat : Instant.now();
		Instant expires = (all.get("exp") instanceof Instant exp) ? exp : issued.plusSeconds(3600);
		OidcIdToken idToken = new OidcIdToken("aws-auth-test-id-token", issued, expires, all);
		Map<String, Object> grants = new LinkedHashMap<>(all);
		List<String> granted = new ArrayList<>(List.of("openid"));
		granted.addAll(scopes);
		grants.put("scope", granted);
		OidcLoginPrincipal principal = new OidcLoginPrincipal(name, all, with(mapping.authorities(grants), authorities),
				idToken, null);
		return new OAuth2AuthenticationToken(principal, principal.getAuthorities(), CLIENT_ID);
	}

	private static ClaimAuthorities defaultMapping() {
		JwtProperties defaults = new JwtProperties();
		return new ClaimAuthorities(defaults.getGroupsClaim(), defaults.getGroupAuthorityPrefix(),
				defaults.getScopeAuthorityPrefix());
	}

	private static List<GrantedAuthority> with(List<GrantedAuthority> mapped, Collection<String> authorities) {
		Set<GrantedAuthority> all = new LinkedHashSet<>(mapped);
		authorities.forEach((authority) -> all.add(new SimpleGrantedAuthority(authority)));
		return List.copyOf(all);
	}

	private static <T> @Nullable T bean(@Nullable ApplicationContext context, Class<T> type) {
		return (context != null) ? context.getBeanProvider(type).getIfUnique() : null;
	}

}
