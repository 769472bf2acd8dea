package io.github.awsauth.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.awsauth.core.ProblemResponse;
import io.github.awsauth.core.RequestCredential;
import io.github.awsauth.core.RequestCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the request's one credential before any mechanism reads it. A request that carries a
 * credential header twice (two {@code Authorization} headers, two {@code x-amzn-oidc-data}), or the
 * credentials of more than one mechanism (a bearer JWT and an ALB header, SigV4 and an ALB header),
 * is refused with 400: which of them would win would depend on filter order. Otherwise the
 * mechanism whose credential the request carries is noted on the request
 * ({@link RequestCredentials}): that mechanism, and no other and no session, authenticates it or
 * refuses it.
 */
final class SingleCredentialFilter extends OncePerRequestFilter {

	private final List<RequestCredential> credentials;

	private final Set<String> credentialHeaders;

	/** The credential headers, each once: read once per request, whoever asks. */
	private final List<String> rememberedHeaders;

	SingleCredentialFilter(List<RequestCredential> credentials) {
		this.credentials = List.copyOf(credentials);
		Set<String> headers = new LinkedHashSet<>();
		credentials.forEach((credential) -> headers.addAll(credential.credentialHeaders()));
		this.credentialHeaders = Set.copyOf(headers);
		this.rememberedHeaders = headers.stream()
			.map((header) -> header.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest servletRequest, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest request = new HeaderReadOnceRequest(servletRequest, this.rememberedHeaders);
		for (String header : this.credentialHeaders) {
			if (isRepeated(request.getHeaders(header))) {
				ProblemResponse.write(request, response, HttpStatus.BAD_REQUEST,
						"The request carries the " + header + " header more than once");
				return;
			}
		}
		List<RequestCredential> claiming = claiming(request);
		if (claiming.size() > 1) {
			ProblemResponse.write(request, response, HttpStatus.BAD_REQUEST,
					"The request carries credentials of more than one mechanism (" + claiming.stream()
						.map((credential) -> credential.mechanism().id())
						.sorted()
						.collect(Collectors.joining(", ")) + ")");
			return;
		}
		if (claiming.size() == 1) {
			RequestCredential credential = claiming.get(0);
			// an ambient credential (a client certificate, the ALB's headers) comes with cross-site requests too
			boolean inHeader = !credential.isAmbient() && credential.credentialHeaders()
				.stream()
				.anyMatch((header) -> request.getHeader(header) != null);
			RequestCredentials.found(request, credential, inHeader);
		}
		else {
			RequestCredentials.none(request);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The credentials the request carries; one that yields is not asked when a credential that does
	 * not yield claims its header, and is dropped when another yielding one does.
	 */
	private List<RequestCredential> claiming(HttpServletRequest request) {
		List<RequestCredential> claiming = new ArrayList<>();
		for (RequestCredential credential : this.credentials) {
			if (!credential.yieldsToOtherClaims() && credential.carriesCredential(request)) {
				claiming.add(credential);
			}
		}
		for (RequestCredential credential : this.credentials) {
			if (credential.yieldsToOtherClaims()
					&& claiming.stream().noneMatch((other) -> sharesHeader(other, credential))
					&& credential.carriesCredential(request)) {
				claiming.add(credential);
			}
		}
		if (claiming.size() > 1) {
			claiming.removeIf((yielding) -> yielding.yieldsToOtherClaims() && claiming.stream()
				.anyMatch((other) -> other != yielding && sharesHeader(other, yielding)));
		}
		if (claiming.size() > 1 && claiming.stream().anyMatch((credential) -> !credential.isTransport())) {
			// the connection's certificate beside a request credential: the request credential names the caller
			claiming.removeIf(RequestCredential::isTransport);
		}
		return claiming;
	}

	private static boolean sharesHeader(RequestCredential one, RequestCredential other) {
		return one.credentialHeaders()
			.stream()
			.anyMatch((header) -> other.credentialHeaders().stream().anyMatch(header::equalsIgnoreCase));
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
