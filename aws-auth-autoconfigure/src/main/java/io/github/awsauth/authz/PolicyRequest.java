package io.github.awsauth.authz;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.awsauth.core.AwsPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * What a policy is evaluated against: an action, a resource and the condition keys of the request
 * context. Keys, as IAM names them and with IAM's case-insensitive key names:
 * <ul>
 * <li>{@code aws:username}: the caller's name, unique only within its mechanism and issuer;</li>
 * <li>{@code aws:userid}: the caller's id, unique across them ({@code <user pool id>|<sub>},
 * {@code <issuer>|<sub>}, {@code <mechanism>|<name>});</li>
 * <li>{@code awsauth:Mechanism}: the mechanism that authenticated the caller ({@code jwt},
 * {@code iam}, …);</li>
 * <li>{@code aws:PrincipalTag/<attribute>}: a verified attribute of the caller, such as
 * {@code aws:PrincipalTag/custom:tenant} or the multi-valued {@code aws:PrincipalTag/cognito:groups}
 * (an attribute of exactly that name, else the one attribute of that name in another case);</li>
 * <li>{@code aws:SourceIp}: the request's remote address (the socket peer, or the forwarded client
 * when the application trusts forwarded headers);</li>
 * <li>{@code aws:SecureTransport}: whether the request came over TLS;</li>
 * <li>{@code aws:CurrentTime} and {@code aws:EpochTime}: when it is evaluated.</li>
 * </ul>
 */
public final class PolicyRequest {

	private static final String PRINCIPAL_TAG = "aws:principaltag/";

	/** The keys besides {@code aws:PrincipalTag/<attribute>}, as IAM writes them. */
	private static final List<String> NAMED_KEYS = List.of("aws:username", "aws:userid", "awsauth:Mechanism",
			"aws:SourceIp", "aws:SecureTransport", "aws:CurrentTime", "aws:EpochTime");

	/** The keys a policy may name, for messages. */
	static final String KEYS = String.join(", ", NAMED_KEYS) + ", aws:PrincipalTag/<attribute>";

	private static final Set<String> FIXED_KEYS = NAMED_KEYS.stream()
		.map((key) -> key.toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private final String action;

	private final String resource;

	private final @Nullable String sourceIp;

	private final boolean secureTransport;

	private final Instant now;

	private final Map<String, ?> attributes;

	private final Authentication caller;

	private PolicyRequest(Authentication caller, String action, String resource, @Nullable String sourceIp,
			boolean secureTransport, Instant now) {
		this.caller = caller;
		this.action = action;
		this.resource = resource;
		this.sourceIp = sourceIp;
		this.secureTransport = secureTransport;
		this.now = now;
		this.attributes = (caller.getPrincipal() instanceof AwsPrincipal principal) ? principal.attributes() : Map.of();
	}

	/**
	 * The request context of a caller.
	 * @param caller the authenticated caller
	 * @param action the action, such as {@code execute-api:Invoke}
	 * @param resource the resource, such as {@code GET/api/orders/42}
	 * @param sourceIp the socket peer's address, or {@code null} outside a request
	 * @param secureTransport whether the request came over TLS
	 * @param now the time of the evaluation
	 * @return the request context
	 */
	public static PolicyRequest of(Authentication caller, String action, String resource, @Nullable String sourceIp,
			boolean secureTransport, Instant now) {
		Assert.hasText(action, "action must not be empty");
		Assert.notNull(resource, "resource must not be null");
		return new PolicyRequest(caller, action, resource, sourceIp, secureTransport, now);
	}

	/**
	 * Whether a policy may name a condition key.
	 * @param key the key, in any case
	 * @return whether this authorizer knows it
	 */
	static boolean isKey(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return FIXED_KEYS.contains(name) || (name.startsWith(PRINCIPAL_TAG) && name.length() > PRINCIPAL_TAG.length());
	}

	/**
	 * The action.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * The resource.
	 * @return the resource
	 */
	public String resource() {
		return this.resource;
	}

	/**
	 * The values of a condition key.
	 * @param key the key, in any case
	 * @return its values, or {@code null} when the request context has no such key
	 */
	public @Nullable List<String> values(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		if (name.startsWith(PRINCIPAL_TAG)) {
			return strings(attribute(key.substring(PRINCIPAL_TAG.length())));
		}
		// each value made when a policy asks for it: most ask for few
		return switch (name) {
			case "aws:username" -> List.of(this.caller.getName());
			case "aws:userid" -> List.of(CallerIds.of(this.caller));
			case "awsauth:mechanism" -> (this.caller.getPrincipal() instanceof AwsPrincipal principal)
					? List.of(principal.mechanism().id()) : null;
			case "aws:sourceip" -> (this.sourceIp != null) ? List.of(this.sourceIp) : null;
			case "aws:securetransport" -> (this.sourceIp != null) ? List.of(Boolean.toString(this.secureTransport))
					: null;
			case "aws:currenttime" -> List.of(this.now.truncatedTo(ChronoUnit.SECONDS).toString());
			case "aws:epochtime" -> List.of(Long.toString(this.now.getEpochSecond()));
			default -> null;
		};
	}

	/** Tag keys are case-insensitive in IAM: the exact name, else the only one in another case. */
	private @Nullable Object attribute(String name) {
		Object exact = this.attributes.get(name);
		if (exact != null) {
			return exact;
		}
		Object other = null;
		for (Map.Entry<String, ?> attribute : this.attributes.entrySet()) {
			if (attribute.getKey().equalsIgnoreCase(name)) {
				if (other != null) {
					// two attributes differ only in case: which one the policy means is not known
					return null;
				}
				other = attribute.getValue();
			}
		}
		return other;
	}

	/**
	 * An attribute value as the strings a condition compares: a collection as its elements, a time
	 * as ISO 8601, a nested object as absent.
	 */
	private static @Nullable List<String> strings(@Nullable Object value) {
		if (value instanceof Collection<?> collection) {
			List<String> strings = new ArrayList<>();
			for (Object element : collection) {
				String string = string(element);
				if (string != null) {
					strings.add(string);
				}
			}
			return strings;
		}
		String string = string(value);
		return (string != null) ? List.of(string) : null;
	}

	private static @Nullable String string(@Nullable Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Instant) {
			return value.toString();
		}
		return null;
	}

}
