package io.github.awsauth.login;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Tells API calls from page loads, so that an unauthenticated API call gets 401 instead of a
 * redirect to an HTML login page: a path under the API prefixes, an {@code Authorization} header,
 * a request that prefers JSON over HTML, or an {@code XMLHttpRequest}.
 */
public final class ApiRequestMatcher implements RequestMatcher {

	private final List<RequestMatcher> apiPaths;

	/**
	 * Create a matcher.
	 * @param apiPaths path patterns of the API
	 */
	public ApiRequestMatcher(List<String> apiPaths) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		this.apiPaths = apiPaths.stream().map(paths::matcher).map(RequestMatcher.class::cast).toList();
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) || prefersJson(request)
				|| this.apiPaths.stream().anyMatch((path) -> path.matches(request));
	}

	private static boolean prefersJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		boolean json = types.stream()
			.anyMatch((type) -> !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.APPLICATION_JSON));
		boolean html = types.stream()
			.anyMatch((type) -> !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.TEXT_HTML));
		return json && !html;
	}

}
