package io.github.awsauth.authz;

import java.util.Arrays;
import java.util.Objects;

import io.github.awsauth.core.AccessDenials;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Helpers for {@code @PreAuthorize} expressions, as the bean {@code awsAuth}:
 * <pre class="code">
 * &#64;PreAuthorize("@awsAuth.isOwner(#order.owner()) or hasRole('admin')")
 * &#64;PreAuthorize("@awsAuth.hasScope('orders.read') and @awsAuth.mechanism('jwt', 'sigv4')")
 * &#64;PreAuthorize("@awsAuth.allowed('orders:Cancel', 'order/' + #id)")
 * </pre>
 * A failed owner check is answered 403 saying the caller is not the owner, a failed policy check
 * saying the caller's policies do not allow it.
 */
public class AwsAuthExpressions {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final ClaimAuthorities authorities;

	private final @Nullable String ownerAttribute;

	private final @Nullable PolicyAuthorizer policies;

	/**
	 * Create the helpers.
	 * @param authorities how groups and scopes became authorities (their prefixes)
	 */
	public AwsAuthExpressions(ClaimAuthorities authorities) {
		this(authorities, null, null);
	}

	/**
	 * Create the helpers.
	 * @param authorities how groups and scopes became authorities (their prefixes)
	 * @param ownerAttribute the caller's attribute an owner id is compared with, or {@code null} for
	 * the caller's name
	 * @param policies the policy authorizer {@link #allowed} asks, or {@code null} when there is
	 * none (nothing is then allowed)
	 */
	public AwsAuthExpressions(ClaimAuthorities authorities, @Nullable String ownerAttribute,
			@Nullable PolicyAuthorizer policies) {
		this.authorities = authorities;
		this.ownerAttribute = ownerAttribute;
		this.policies = policies;
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
		return Decisions.isCaller(caller) ? caller : null;
	}

	/**
	 * Whether the caller owns a resource: the owner id equals the caller's name, or with
	 * {@code aws.auth.authorization.owner-attribute} set, that attribute of the caller (such as
	 * {@code sub} or {@code custom:tenant}).
	 * @param ownerId the owner of the resource
	 * @return whether the caller is the owner
	 */
	public boolean isOwner(@Nullable Object ownerId) {
		Authentication caller = authenticated();
		boolean owner = caller != null && ownerId != null && Objects.equals(ownerOf(caller), ownerId.toString());
		if (!owner) {
			AccessDenials.note(AccessDenials.NOT_OWNER);
		}
		return owner;
	}

	private @Nullable String ownerOf(Authentication caller) {
		if (this.ownerAttribute == null) {
			return caller.getName();
		}
		Object value = (caller.getPrincipal() instanceof AwsPrincipal principal)
				? principal.attribute(this.ownerAttribute) : null;
		// a multi-valued attribute names no one owner
		return (value instanceof String || value instanceof Number) ? value.toString() : null;
	}

	/**
	 * Whether the caller's IAM-style policies allow an action on a resource:
	 * {@code @awsAuth.allowed('orders:Cancel', 'order/' + #id)}. Without a policy authorizer
	 * ({@code aws.auth.authorization.policies} or a {@code PolicyProvider} bean), nothing is allowed.
	 * @param action the action
	 * @param resource the resource
	 * @return whether an Allow applies and no Deny does
	 */
	public boolean allowed(String action, String resource) {
		Authentication caller = authenticated();
		PolicyDecision decision = (caller != null && this.policies != null)
				? this.policies.decide(caller, action, resource, currentRequest()) : null;
		boolean allowed = decision != null && decision.allowed();
		if (!allowed) {
			AccessDenials.note(PolicyAuthorizer.POLICY_DENIES);
		}
		return allowed;
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
