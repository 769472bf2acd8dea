package io.github.awsauth.authz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.core.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.verifiedpermissions.VerifiedPermissionsClient;
import software.amazon.awssdk.services.verifiedpermissions.model.ActionIdentifier;
import software.amazon.awssdk.services.verifiedpermissions.model.AttributeValue;
import software.amazon.awssdk.services.verifiedpermissions.model.ContextDefinition;
import software.amazon.awssdk.services.verifiedpermissions.model.Decision;
import software.amazon.awssdk.services.verifiedpermissions.model.EntitiesDefinition;
import software.amazon.awssdk.services.verifiedpermissions.model.EntityIdentifier;
import software.amazon.awssdk.services.verifiedpermissions.model.EntityItem;
import software.amazon.awssdk.services.verifiedpermissions.model.IsAuthorizedRequest;
import software.amazon.awssdk.services.verifiedpermissions.model.IsAuthorizedWithTokenRequest;
import software.amazon.awssdk.services.verifiedpermissions.model.VerifiedPermissionsException;
import software.amazon.awssdk.services.verifiedpermissions.model.VerifiedPermissionsRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Amazon Verified Permissions as a decision point: {@code IsAuthorized} of a policy store, with
 * <ul>
 * <li>the principal {@code <principal-entity-type>::"<id>"}, the id unique across mechanisms and
 * issuers ({@code <user pool id>|<sub>} for a Cognito user, as Verified Permissions' Cognito identity
 * source names it; {@code <issuer>|<sub>}; {@code <mechanism>|<name>}), its attributes as entity attributes
 * (times as epoch seconds), its authorities as parent group entities
 * {@code <group-entity-type>::"<authority>"} and, for a Cognito user, its groups also as
 * {@code <group-entity-type>::"<user pool id>|<group>"}, as Verified Permissions' own Cognito
 * identity source names them;</li>
 * <li>the action {@code <action-entity-type>::"<METHOD> <pattern>"}, the pattern being that of the
 * route rule that let the request through ({@code GET /api/orders/**}), or the request's path when
 * none did, unless {@code actions} maps it to another id;</li>
 * <li>the resource {@code <resource-entity-type>::"<resource-id>"}, {@code {method}},
 * {@code {path}} and {@code {pattern}} replaced;</li>
 * <li>the context {@code {"name": …, "mechanism": …}}.</li>
 * </ul>
 * With {@code use-token}, a caller authenticated with a Cognito token is decided by
 * {@code IsAuthorizedWithToken} with that token instead, the policy store reading the principal
 * from it.
 */
public final class VerifiedPermissionsAuthorizationManager extends RemoteDecisionPoint<VerifiedPermissionsRequest> {

	private static final String COGNITO_GROUPS = "cognito:groups";

	private static final Pattern RESOURCE_PLACEHOLDER = Pattern.compile("\\{(method|path|pattern)\\}");

	private final VerifiedPermissionsClient client;

	private final AuthorizationProperties.VerifiedPermissions properties;

	private final String groupType;

	private final String actionType;

	/**
	 * Create the decision point.
	 * @param client the Verified Permissions client, its timeout and credentials set
	 * @param properties the policy store and the entity mapping
	 */
	public VerifiedPermissionsAuthorizationManager(VerifiedPermissionsClient client,
			AuthorizationProperties.VerifiedPermissions properties) {
		super("Verified Permissions", DecisionSource.VERIFIED_PERMISSIONS, properties.getFail(), properties.getCacheTtl(),
				properties.getCacheSize());
		this.client = client;
		this.properties = properties;
		String namespace = namespace(properties.getPrincipalEntityType());
		this.groupType = (properties.getGroupEntityType() != null) ? properties.getGroupEntityType()
				: namespace + "UserGroup";
		this.actionType = (properties.getActionEntityType() != null) ? properties.getActionEntityType()
				: namespace + "Action";
	}

	/** {@code App::} of {@code App::User}, nothing for a type without a namespace. */
	private static String namespace(String entityType) {
		int separator = entityType.lastIndexOf("::");
		return (separator < 0) ? "" : entityType.substring(0, separator + 2);
	}

	@Override
	public int getOrder() {
		return VERIFIED_PERMISSIONS;
	}

	@Override
	VerifiedPermissionsRequest question(Authentication caller, HttpServletRequest request) {
		String pattern = RouteRules.matchedPattern(request);
		String path = Decisions.path(request);
		String method = Decisions.method(request);
		String route = method + " " + ((pattern != null) ? pattern : path);
		ActionIdentifier action = ActionIdentifier.builder()
			.actionType(this.actionType)
			.actionId(this.properties.getActions().getOrDefault(route, route))
			.build();
		EntityIdentifier resource = EntityIdentifier.builder()
			.entityType(this.properties.getResourceEntityType())
			.entityId(resourceId(method, path, (pattern != null) ? pattern : path))
			.build();
		if (this.properties.isUseToken() && caller.getCredentials() instanceof Jwt token
				&& CognitoUserPool.ofIssuer(token.getClaimAsString("iss")) != null) {
			IsAuthorizedWithTokenRequest.Builder withToken = IsAuthorizedWithTokenRequest.builder()
				.policyStoreId(this.properties.getPolicyStoreId())
				.action(action)
				.resource(resource);
			return "id".equals(token.getClaimAsString("token_use")) ? withToken.identityToken(token.getTokenValue()).build()
					: withToken.accessToken(token.getTokenValue()).build();
		}
		EntityIdentifier principal = EntityIdentifier.builder()
			.entityType(this.properties.getPrincipalEntityType())
			.entityId(CallerIds.of(caller))
			.build();
		Map<String, ?> attributes = (caller.getPrincipal() instanceof AwsPrincipal aws) ? aws.attributes() : Map.of();
		EntityItem entity = EntityItem.builder()
			.identifier(principal)
			.attributes(record(attributes))
			.parents(groups(caller, attributes))
			.build();
		return IsAuthorizedRequest.builder()
			.policyStoreId(this.properties.getPolicyStoreId())
			.principal(principal)
			.action(action)
			.resource(resource)
			.entities(EntitiesDefinition.fromEntityList(List.of(entity)))
			.context(ContextDefinition.fromContextMap(context(caller)))
			.build();
	}

	/** What a policy may ask of the request besides the entities: the caller's name and mechanism. */
	private static Map<String, AttributeValue> context(Authentication caller) {
		Map<String, AttributeValue> context = new LinkedHashMap<>();
		context.put("name", AttributeValue.fromString(caller.getName()));
		if (caller.getPrincipal() instanceof AwsPrincipal aws) {
			context.put("mechanism", AttributeValue.fromString(aws.mechanism().id()));
		}
		return context;
	}

	/** The template in one pass: a path holding "{pattern}" stays that text. */
	private String resourceId(String method, String path, String pattern) {
		Matcher placeholder = RESOURCE_PLACEHOLDER.matcher(this.properties.getResourceId());
		StringBuilder id = new StringBuilder();
		while (placeholder.find()) {
			String value = switch (placeholder.group(1)) {
				case "method" -> method;
				case "path" -> path;
				default -> pattern;
			};
			placeholder.appendReplacement(id, Matcher.quoteReplacement(value));
		}
		placeholder.appendTail(id);
		return id.toString();
	}

	private List<EntityIdentifier> groups(Authentication caller, Map<String, ?> attributes) {
		Set<String> ids = new LinkedHashSet<>();
		for (GrantedAuthority authority : caller.getAuthorities()) {
			if (authority.getAuthority() != null) {
				ids.add(authority.getAuthority());
			}
		}
		Object issuer = attributes.get("iss");
		CognitoUserPool pool = CognitoUserPool.ofIssuer((issuer != null) ? issuer.toString() : null);
		if (pool != null && attributes.get(COGNITO_GROUPS) instanceof Collection<?> groups) {
			groups.forEach((group) -> ids.add(pool.userPoolId() + "|" + group));
		}
		return ids.stream().map((id) -> EntityIdentifier.builder().entityType(this.groupType).entityId(id).build()).toList();
	}

	@Override
	String sharedKey(VerifiedPermissionsRequest question) {
		StringBuilder canonical = new StringBuilder(question.getClass().getSimpleName());
		canonical.append(' ').append(this.client.serviceClientConfiguration().region());
		this.client.serviceClientConfiguration()
			.endpointOverride()
			.ifPresent((endpoint) -> canonical.append(' ').append(endpoint));
		describe(question, canonical);
		return "avp:" + Sha256.hex(canonical.toString());
	}

	/**
	 * Every field of an SDK request, nested ones too, in one text that no two requests share:
	 * texts carry their length, and {@code toString()} is no use, as it hides what the SDK marks
	 * sensitive (entity ids, tokens).
	 */
	private static void describe(@Nullable Object value, StringBuilder out) {
		if (value instanceof SdkPojo pojo) {
			out.append('{');
			for (SdkField<?> field : pojo.sdkFields()) {
				Object fieldValue = field.getValueOrDefault(pojo);
				if (fieldValue != null) {
					out.append(field.memberName()).append('=');
					describe(fieldValue, out);
				}
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			out.append('[');
			collection.forEach((element) -> describe(element, out));
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('(');
			map.forEach((name, element) -> {
				describe(String.valueOf(name), out);
				describe(element, out);
			});
			out.append(')');
		}
		else {
			String text = String.valueOf(value);
			out.append(text.length()).append(':').append(text);
		}
	}

	@Override
	boolean ask(VerifiedPermissionsRequest question) {
		try {
			Decision decision = (question instanceof IsAuthorizedWithTokenRequest withToken)
					? this.client.isAuthorizedWithToken(withToken).decision()
					: this.client.isAuthorized((IsAuthorizedRequest) question).decision();
			return decision == Decision.ALLOW;
		}
		catch (VerifiedPermissionsException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			throw new Unavailable("answered " + ex.statusCode() + ((code != null) ? " " + code : ""));
		}
		catch (SdkException ex) {
			throw new Unavailable("unreachable or slow (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static Map<String, AttributeValue> record(Map<?, ?> attributes) {
		Map<String, AttributeValue> record = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			AttributeValue attribute = attribute(value);
			if (attribute != null) {
				record.put(String.valueOf(name), attribute);
			}
		});
		return record;
	}

	/** A Cedar value: whole numbers as longs, times as epoch seconds, collections as sets. */
	private static @Nullable AttributeValue attribute(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean bool) {
			return AttributeValue.fromBooleanValue(bool);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short) {
			return AttributeValue.fromLongValue(((Number) value).longValue());
		}
		if (value instanceof Instant instant) {
			return AttributeValue.fromLongValue(instant.getEpochSecond());
		}
		if (value instanceof Collection<?> collection) {
			List<AttributeValue> set = new ArrayList<>();
			for (Object element : collection) {
				AttributeValue attribute = attribute(element);
				if (attribute != null) {
					set.add(attribute);
				}
			}
			return AttributeValue.fromSet(set);
		}
		if (value instanceof Map<?, ?> map) {
			return AttributeValue.fromRecord(record(map));
		}
		return AttributeValue.fromString(value.toString());
	}

}
