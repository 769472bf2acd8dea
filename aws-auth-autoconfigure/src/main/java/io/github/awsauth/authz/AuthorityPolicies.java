package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The default {@link PolicyProvider}: policies attached to authorities. A caller holding
 * {@code ROLE_partner} gets every policy attached to {@code ROLE_partner}.
 */
public final class AuthorityPolicies implements PolicyProvider {

	private final Map<String, List<PolicyDocument>> byAuthority;

	/**
	 * Create the provider.
	 * @param byAuthority the policies of each authority
	 */
	public AuthorityPolicies(Map<String, List<PolicyDocument>> byAuthority) {
		Map<String, List<PolicyDocument>> copy = new LinkedHashMap<>();
		byAuthority.forEach((authority, policies) -> copy.put(authority, List.copyOf(policies)));
		this.byAuthority = Map.copyOf(copy);
	}

	@Override
	public List<PolicyDocument> policies(Authentication caller) {
		List<PolicyDocument> policies = new ArrayList<>();
		for (GrantedAuthority authority : caller.getAuthorities()) {
			List<PolicyDocument> attached = this.byAuthority.get(authority.getAuthority());
			if (attached != null) {
				policies.addAll(attached);
			}
		}
		return policies;
	}

}
