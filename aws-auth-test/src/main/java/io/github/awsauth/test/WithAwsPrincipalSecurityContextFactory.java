package io.github.awsauth.test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.Mechanism;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * The security context of {@link WithAwsPrincipal}, with the authority mapping of the test's
 * application context when there is one.
 */
final class WithAwsPrincipalSecurityContextFactory implements WithSecurityContextFactory<WithAwsPrincipal> {

	private @Nullable ApplicationContext context;

	@Autowired(required = false)
	void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public SecurityContext createSecurityContext(WithAwsPrincipal annotation) {
		Map<String, Object> attributes = attributes(annotation.attributes());
		List<String> authorities = Arrays.asList(annotation.authorities());
		Mechanism mechanism = annotation.mechanism();
		if (!AwsTestPrincipals.isUser(mechanism) && (annotation.groups().length > 0 || annotation.scopes().length > 0)) {
			throw new IllegalArgumentException("@WithAwsPrincipal groups and scopes are a user's; a " + mechanism
					+ " machine has the authorities of its allowlist entry: set authorities");
		}
		Authentication authentication = AwsTestPrincipals.isUser(mechanism)
				? AwsTestPrincipals.user(mechanism, annotation.name(), Arrays.asList(annotation.groups()),
						Arrays.asList(annotation.scopes()), attributes, authorities, this.context)
				: AwsTestPrincipals.machine(mechanism, annotation.name(), attributes, authorities);
		SecurityContext securityContext = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		securityContext.setAuthentication(authentication);
		return securityContext;
	}

	private static Map<String, Object> attributes(String[] pairs) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("@WithAwsPrincipal attributes are name=value, not '" + pair + "'");
			}
			attributes.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return attributes;
	}

}
