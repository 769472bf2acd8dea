package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.core.Mechanism;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * Route rules of the auto-configured filter chain ({@code aws.auth.authorization}).
 */
public class AuthorizationProperties {

	/**
	 * Path patterns anyone may call without a credential, for example /actuator/health.
	 */
	private List<String> publicPaths = new ArrayList<>();

	/**
	 * Route rules, checked in order after the public paths; the first rule whose pattern and
	 * method match decides. Every other request follows {@code default}.
	 */
	private List<Route> routes = new ArrayList<>();

	/**
	 * What a request that no public path and no route matches needs ({@code aws.auth.authorization.default}):
	 * an authenticated caller, or nothing lets it through. The property's description is in
	 * additional-spring-configuration-metadata.json, since "default" cannot name a field.
	 */
	private DefaultAccess defaultAccess = DefaultAccess.AUTHENTICATED;

	public DefaultAccess getDefault() {
		return this.defaultAccess;
	}

	public void setDefault(DefaultAccess defaultAccess) {
		this.defaultAccess = defaultAccess;
	}

	public List<String> getPublicPaths() {
		return this.publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public List<Route> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<Route> routes) {
		this.routes = routes;
	}

	/**
	 * What a request that matches no rule needs.
	 */
	public enum DefaultAccess {

		/** An authenticated caller, whatever its authorities. */
		AUTHENTICATED,

		/** Nothing: such a request is refused (403 for a known caller, 401 without a credential). */
		DENY

	}

	/**
	 * One route rule, like an API Gateway HTTP API route's authorization scopes.
	 */
	public static class Route {

		/**
		 * Path pattern of the route, for example /api/orders/**.
		 */
		private @Nullable String pattern;

		/**
		 * HTTP methods the rule applies to. Empty: every method.
		 */
		private List<HttpMethod> methods = new ArrayList<>();

		/**
		 * Authorities of which the caller needs at least one. Empty: any authenticated caller.
		 */
		private List<String> anyOf = new ArrayList<>();

		/**
		 * Authorities the caller must all hold (instead of any-of).
		 */
		private List<String> allOf = new ArrayList<>();

		/**
		 * Mechanisms whose callers the route accepts, for example [iam, mtls] for machines only;
		 * empty for every mechanism.
		 */
		private List<Mechanism> mechanisms = new ArrayList<>();

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public List<HttpMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(List<HttpMethod> methods) {
			this.methods = methods;
		}

		public List<String> getAnyOf() {
			return this.anyOf;
		}

		public void setAnyOf(List<String> anyOf) {
			this.anyOf = anyOf;
		}

		public List<String> getAllOf() {
			return this.allOf;
		}

		public void setAllOf(List<String> allOf) {
			this.allOf = allOf;
		}

		public List<Mechanism> getMechanisms() {
			return this.mechanisms;
		}

		public void setMechanisms(List<Mechanism> mechanisms) {
			this.mechanisms = mechanisms;
		}

	}

}
