package io.github.awsauth.authz;

import java.util.Arrays;
import java.util.Objects;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Helpers for {@code @PreAuthorize} expressions, as the bean {@code awsAuth}:
 * <pre class="code">
 * &#64;PreAuthorize("@awsAuth.isOwner(#order.owner()) or hasRole('admin')")
 * &#64;PreAuthorize("@awsAuth.hasScope('orders.read') and @awsAuth.mechanism('jwt', 'sigv4')")
 * </pre>
 * A failed owner check is answered 403 saying the caller is not the owner.
 */
public class AwsAuthExpressions {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final ClaimAuthorities authorities;

	/**
	 * Create the helpers.
	 * @param authorities how groups and scopes became authorities (their prefixes)
	 */
	public AwsAuthExpressions(ClaimAuthorities authorities) {
		this.authorities = authorities;
	}

	/**
	 * Whether the caller is in a group: {@code @awsAuth.hasGroup('admin')} for the Cognito group
	 * {@code admin}, whatever the configured group prefix.
	 * @param group the group
	 * @return whether the caller has its authority
	 */
	public boolean hasGroup(String group) {
		return hasAuthority(this.authorities.groupPrefix() + group);
	}

	/**
	 * Whether the caller's token grants a scope: {@code @awsAuth.hasScope('orders.read')}.
	 * @param scope the scope
	 * @return whether the caller has its authority
	 */
	public boolean hasScope(String scope) {
		return hasAuthority(this.authorities.scopePrefix() + scope);
	}

	/**
	 * Whether the caller was authenticated by one of some mechanisms:
	 * {@code @awsAuth.mechanism('iam', 'mtls')}.
	 * @param mechanisms the mechanisms' ids ({@code jwt}, {@code instance-identity}, …)
	 * @return whether it was
	 */
	public boolean mechanism(String... mechanisms) {
		AwsPrincipal principal = principal();
		return principal != null && Arrays.asList(mechanisms).contains(principal.mechanism().id());
	}

	/**
	 * A verified attribute of the caller: a claim, an ARN part, a document or certificate field.
	 * @param name the attribute
	 * @return its value, or {@code null}
	 */
	public @Nullable Object attribute(String name) {
		AwsPrincipal principal = principal();
		return (principal != null) ? principal.attribute(name) : null;
	}

	private boolean hasAuthority(String authority) {
		Authentication caller = authenticated();
		return caller != null && caller.getAuthorities().stream().anyMatch((granted) -> authority.equals(granted.getAuthority()));
	}

	private @Nullable AwsPrincipal principal() {
		Authentication caller = authenticated();
		return (caller != null && caller.getPrincipal() instanceof AwsPrincipal principal) ? principal : null;
	}

	private @Nullable Authentication authenticated() {
		Authentication caller = this.contexts.getContext().getAuthentication();
		return (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) ? caller
				: null;
	}

	/**
	 * Whether the caller owns a resource: the owner id equals the caller's name.
	 * @param ownerId the owner of the resource
	 * @return whether the caller is the owner
	 */
	public boolean isOwner(@Nullable Object ownerId) {
		Authentication caller = authenticated();
		boolean owner = caller != null && ownerId != null && Objects.equals(caller.getName(), ownerId.toString());
		if (!owner) {
			AccessDenials.note(AccessDenials.NOT_OWNER);
		}
		return owner;
	}

}
