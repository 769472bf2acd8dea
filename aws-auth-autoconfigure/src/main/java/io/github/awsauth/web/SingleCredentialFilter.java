package io.github.awsauth.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.Mechanism;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the request's one credential before any mechanism reads it. A request that carries a
 * credential header twice (two {@code Authorization} headers, two {@code x-amzn-oidc-data}), or the
 * credentials of more than one mechanism (a bearer JWT and an ALB header, SigV4 and an ALB header),
 * is refused with 400: which of them would win would depend on filter order. Otherwise the
 * mechanism whose credential the request carries is noted on the request: that mechanism, and no
 * other and no session, authenticates it or refuses it ({@link #carriesHeaderCredential}).
 */
final class SingleCredentialFilter extends OncePerRequestFilter {

	private static final String MECHANISM = SingleCredentialFilter.class.getName() + ".mechanism";

	private static final String IN_HEADER = SingleCredentialFilter.class.getName() + ".inHeader";

	private final List<AwsAuthenticationMechanism> mechanisms;

	private final @Nullable RequestMatcher bearerJwt;

	private final Set<String> credentialHeaders;

	/**
	 * Create the filter.
	 * @param mechanisms the request-credential mechanisms
	 * @param bearerJwt the requests that carry a bearer token, when bearer JWTs are accepted (a
	 * bearer token that no mechanism claims is a JWT), or {@code null}
	 */
	SingleCredentialFilter(List<AwsAuthenticationMechanism> mechanisms, @Nullable RequestMatcher bearerJwt) {
		this.mechanisms = List.copyOf(mechanisms);
		this.bearerJwt = bearerJwt;
		Set<String> headers = new LinkedHashSet<>();
		if (bearerJwt != null) {
			headers.add(HttpHeaders.AUTHORIZATION);
		}
		mechanisms.forEach((mechanism) -> headers.addAll(mechanism.credentialHeaders()));
		this.credentialHeaders = Set.copyOf(headers);
	}

	/**
	 * Requests whose credential, one a mechanism reads, is in a header; CSRF protection is not
	 * needed for them: a cross-site form cannot set a header, and the credential authenticates them
	 * or they are refused. A credential in the query (a presigned SigV4 URL) is not exempt, since a
	 * cross-site form can send one, and filters before the mechanisms (logout) would act on it.
	 * @return the matcher
	 */
	static RequestMatcher carriesHeaderCredential() {
		return (request) -> request.getAttribute(IN_HEADER) != null;
	}

	/**
	 * The mechanism whose credential a request carries, once this filter ran.
	 * @param request the request
	 * @return the mechanism, or {@code null}
	 */
	static @Nullable Mechanism credentialMechanism(HttpServletRequest request) {
		return (request.getAttribute(MECHANISM) instanceof Mechanism mechanism) ? mechanism : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (String header : this.credentialHeaders) {
			if (isRepeated(request.getHeaders(header))) {
				ProblemResponse.write(request, response, HttpStatus.BAD_REQUEST,
						"The request carries the " + header + " header more than once");
				return;
			}
		}
		List<Mechanism> claiming = claiming(request);
		if (claiming.size() > 1) {
			ProblemResponse.write(request, response, HttpStatus.BAD_REQUEST,
					"The request carries credentials of more than one mechanism ("
							+ claiming.stream().map(Mechanism::id).sorted().collect(Collectors.joining(", ")) + ")");
			return;
		}
		if (claiming.size() == 1) {
			request.setAttribute(MECHANISM, claiming.get(0));
			if (inHeader(request, claiming.get(0))) {
				request.setAttribute(IN_HEADER, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

	private List<Mechanism> claiming(HttpServletRequest request) {
		List<Mechanism> claiming = new ArrayList<>();
		boolean authorizationClaimed = false;
		for (AwsAuthenticationMechanism mechanism : this.mechanisms) {
			if (mechanism.carriesCredential(request)) {
				claiming.add(mechanism.mechanism());
				authorizationClaimed |= mechanism.credentialHeaders()
					.stream()
					.anyMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase);
			}
		}
		if (this.bearerJwt != null && !authorizationClaimed && this.bearerJwt.matches(request)) {
			claiming.add(Mechanism.JWT);
		}
		return claiming;
	}

	private boolean inHeader(HttpServletRequest request, Mechanism claimed) {
		if (claimed == Mechanism.JWT) {
			return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		}
		return this.mechanisms.stream()
			.filter((mechanism) -> mechanism.mechanism() == claimed)
			.flatMap((mechanism) -> mechanism.credentialHeaders().stream())
			.anyMatch((header) -> request.getHeader(header) != null);
	}

	private static boolean isRepeated(@Nullable Enumeration<String> values) {
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		values.nextElement();
		return values.hasMoreElements();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
