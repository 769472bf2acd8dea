package io.github.awsauth.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.StringUtils;

/**
 * Maps the claims of a verified token to authorities: each group in the groups claim (Cognito's
 * {@code cognito:groups} by default) becomes {@code ROLE_<group>}, each scope in {@code scope} or
 * {@code scp} becomes {@code SCOPE_<scope>}. Prefixes are configurable. Claim values may be a
 * JSON array or a space-delimited string.
 *
 * @param groupsClaim the claim that lists the caller's groups
 * @param groupPrefix the prefix of a group authority
 * @param scopePrefix the prefix of a scope authority
 */
public record ClaimAuthorities(String groupsClaim, String groupPrefix, String scopePrefix) {

	private static final List<String> SCOPE_CLAIMS = List.of("scope", "scp");

	/**
	 * The authorities the claims grant, groups first, without duplicates.
	 * @param claims verified claims
	 * @return the authorities
	 */
	public List<GrantedAuthority> authorities(Map<String, Object> claims) {
		Set<String> names = new LinkedHashSet<>();
		values(claims.get(this.groupsClaim)).forEach((group) -> names.add(this.groupPrefix + group));
		for (String claim : SCOPE_CLAIMS) {
			values(claims.get(claim)).forEach((scope) -> names.add(this.scopePrefix + scope));
		}
		List<GrantedAuthority> authorities = new ArrayList<>(names.size());
		names.forEach((name) -> authorities.add(new SimpleGrantedAuthority(name)));
		return authorities;
	}

	private static List<String> values(Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof String string) {
			for (String value : string.split(" ")) {
				if (StringUtils.hasText(value)) {
					values.add(value);
				}
			}
		}
		else if (claim instanceof Collection<?> collection) {
			for (Object value : collection) {
				if (value instanceof String string && StringUtils.hasText(string)) {
					values.add(string);
				}
			}
		}
		return values;
	}

}
