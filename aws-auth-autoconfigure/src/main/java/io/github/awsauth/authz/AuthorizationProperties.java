package io.github.awsauth.authz;

import java.util.ArrayList;
import java.util.List;

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
	 * method match decides. Every other request needs an authenticated caller.
	 */
	private List<Route> routes = new ArrayList<>();

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

	}

}
