package io.github.awsauth.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.awsauth.core.Mechanism;

import org.springframework.core.annotation.AliasFor;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Run a test as a caller the starter authenticated, in {@code @WebMvcTest} or
 * {@code @SpringBootTest}: the security context holds the {@code Authentication} the mechanism
 * would produce, an {@code AwsPrincipal} with the given name, mechanism and attributes. A user's
 * groups and scopes become authorities through the application's own mapping
 * ({@code aws.auth.jwt.groups-claim}, the prefixes, its JWT converter), so
 * {@code @PreAuthorize("hasRole('admin')")} sees what it would see in production; a machine gets
 * the {@code authorities} its allowlist entry would grant.
 *
 * <pre>
 * &#64;Test
 * &#64;WithAwsPrincipal(name = "alice", groups = "admin")
 * void adminsSeeTheAdminPage() throws Exception { … }
 *
 * &#64;Test
 * &#64;WithAwsPrincipal(name = "arn:aws:iam::123456789012:role/worker", mechanism = Mechanism.IAM,
 *         authorities = "SCOPE_orders.read", attributes = "account=123456789012")
 * void workersReadOrders() throws Exception { … }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithAwsPrincipalSecurityContextFactory.class)
public @interface WithAwsPrincipal {

	/**
	 * The caller's name; the default is {@code user}.
	 * @return the name
	 */
	@AliasFor("name")
	String value() default "user";

	/**
	 * The caller's name: a user's username, a role ARN, an instance id, a key's principal.
	 * @return the name
	 */
	@AliasFor("value")
	String name() default "user";

	/**
	 * The mechanism that authenticated the caller; {@code JWT} by default.
	 * @return the mechanism
	 */
	Mechanism mechanism() default Mechanism.JWT;

	/**
	 * A user's groups (the groups claim, {@code cognito:groups} unless configured otherwise).
	 * @return the groups
	 */
	String[] groups() default {};

	/**
	 * The scopes granted to a user ({@code scope}).
	 * @return the scopes
	 */
	String[] scopes() default {};

	/**
	 * Authorities granted as they are: a machine's, from its allowlist entry, or a user's beside
	 * those of the groups and scopes.
	 * @return the authorities
	 */
	String[] authorities() default {};

	/**
	 * Attributes (a user's claims) as {@code name=value}, replacing the ones made.
	 * @return the attributes
	 */
	String[] attributes() default {};

	/**
	 * When the security context is set up.
	 * @return the event
	 */
	@AliasFor(annotation = WithSecurityContext.class)
	TestExecutionEvent setupBefore() default TestExecutionEvent.TEST_METHOD;

}
