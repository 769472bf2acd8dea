package io.github.awsauth.authz;

import java.util.Objects;

import io.github.awsauth.core.AccessDenials;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Helpers for {@code @PreAuthorize} expressions, as the bean {@code awsAuth}:
 * <pre class="code">
 * &#64;PreAuthorize("@awsAuth.isOwner(#order.owner()) or hasRole('admin')")
 * </pre>
 * A failed owner check is answered 403 saying the caller is not the owner.
 */
public class AwsAuthExpressions {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * Whether the caller owns a resource: the owner id equals the caller's name.
	 * @param ownerId the owner of the resource
	 * @return whether the caller is the owner
	 */
	public boolean isOwner(@Nullable Object ownerId) {
		Authentication caller = this.contexts.getContext().getAuthentication();
		boolean owner = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)
				&& ownerId != null
				&& Objects.equals(caller.getName(), ownerId.toString());
		if (!owner) {
			AccessDenials.note(AccessDenials.NOT_OWNER);
		}
		return owner;
	}

}
