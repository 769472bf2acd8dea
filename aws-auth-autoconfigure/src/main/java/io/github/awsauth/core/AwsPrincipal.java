package io.github.awsauth.core;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * The one principal type every mechanism produces: a Cognito user, an ALB-forwarded user, an
 * IAM role and an EC2 instance all look the same to a {@code @PreAuthorize} expression.
 * <p>
 * Mechanisms that must also satisfy a framework type extend it (a browser login's principal is
 * also Spring Security's {@code OidcUser}).
 * <p>
 * {@link #attributes()} holds only verified data: the claims of a verified token, the parts of
 * an ARN returned by STS, the fields of a verified document or certificate. It never holds the
 * credential itself.
 */
public class AwsPrincipal implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String name;

	private final Mechanism mechanism;

	private final Map<String, Object> attributes;

	private final List<GrantedAuthority> authorities;

	/**
	 * Create a principal.
	 * @param name the caller's name (user name, ARN, subject, key id)
	 * @param mechanism the mechanism that verified the caller
	 * @param attributes the verified attributes of the caller
	 * @param authorities the authorities granted to the caller
	 */
	public AwsPrincipal(String name, Mechanism mechanism, Map<String, ?> attributes,
			Collection<? extends GrantedAuthority> authorities) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(mechanism, "mechanism must not be null");
		Assert.notNull(attributes, "attributes must not be null");
		Assert.notNull(authorities, "authorities must not be null");
		this.name = name;
		this.mechanism = mechanism;
		this.attributes = FrozenClaims.of(attributes);
		this.authorities = List.copyOf(authorities);
	}

	@Override
	public final String getName() {
		return this.name;
	}

	/**
	 * The mechanism that verified this caller.
	 * @return the mechanism
	 */
	public final Mechanism mechanism() {
		return this.mechanism;
	}

	/**
	 * The verified attributes of this caller: token claims, ARN parts, document or certificate
	 * fields, depending on the mechanism.
	 * @return an unmodifiable deep copy ({@link FrozenClaims}): its maps, lists and sets cannot be
	 * changed, times are {@code Instant}s
	 */
	public final Map<String, Object> attributes() {
		return this.attributes;
	}

	/**
	 * One attribute.
	 * @param name the attribute name
	 * @return its value, or {@code null}
	 */
	public @Nullable Object attribute(String name) {
		return this.attributes.get(name);
	}

	/**
	 * The authorities granted to this caller.
	 * @return an unmodifiable list
	 */
	public final List<GrantedAuthority> authorities() {
		return this.authorities;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof AwsPrincipal that)) {
			return false;
		}
		return this.name.equals(that.name) && this.mechanism == that.mechanism
				&& this.attributes.equals(that.attributes) && this.authorities.equals(that.authorities);
	}

	@Override
	public int hashCode() {
		// all of what equals compares: a cache keyed by principals would otherwise put every token of
		// one client in one bucket
		return Objects.hash(this.name, this.mechanism, this.attributes, this.authorities);
	}

	@Override
	public String toString() {
		return "AwsPrincipal[name=" + this.name + ", mechanism=" + this.mechanism + ", authorities="
				+ this.authorities + "]";
	}

}
