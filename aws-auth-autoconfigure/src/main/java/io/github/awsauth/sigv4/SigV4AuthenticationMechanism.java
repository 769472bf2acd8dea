package io.github.awsauth.sigv4;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Callers outside AWS that sign requests with a key this service issued: SigV4 in the
 * {@code Authorization} header or a presigned query, verified by {@link SigV4Verifier} over the
 * real request, body included. Its {@link #preparingFilter()} captures the body and must run as a
 * servlet filter before any filter that reads the body (the auto-configuration registers it);
 * a request whose body was not captured is refused. The principal a key's signature names is made
 * once and kept, by the key and what its signature covered, for the next request it signs.
 */
public final class SigV4AuthenticationMechanism implements AwsAuthenticationMechanism {

	private static final Log logger = LogFactory.getLog(SigV4AuthenticationMechanism.class);

	private final SigV4Verifier verifier;

	private final CachedBodyFilter bodies;

	/**
	 * About 10,000 principals, fewer when their signatures name many headers (each named header is
	 * one the request carried, once).
	 */
	private final Cache<Signer, AwsPrincipal> principals = RequestPathCaches.newBuilder()
		.maximumWeight(120_000)
		.weigher((Signer signer, AwsPrincipal principal) -> 8 + signer.signedHeaders().size())
		.build();

	/**
	 * Create the mechanism.
	 * @param verifier checks the signatures
	 * @param maxBodySize the largest body read; a larger one is answered 413
	 */
	public SigV4AuthenticationMechanism(SigV4Verifier verifier, long maxBodySize) {
		this.verifier = verifier;
		this.bodies = new CachedBodyFilter(maxBodySize);
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.SIGV4;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(HttpHeaders.AUTHORIZATION);
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return SigV4AuthorizationParser.isSigV4(request.getHeader(HttpHeaders.AUTHORIZATION), request.getQueryString());
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			if (!carriesCredential(request)) {
				return null;
			}
			if (request.getAttribute(CachedBodyFilter.TOO_LARGE) != null) {
				throw AwsAuthenticationException.tooLarge("The signed body is larger than this service verifies");
			}
			if (!(request.getAttribute(CachedBodyFilter.BODY) instanceof byte[] body)) {
				logger.warn("A SigV4 request reached the security chain without its body captured: register "
						+ "SigV4AuthenticationMechanism.preparingFilter() as a servlet filter before FormContentFilter");
				throw AwsAuthenticationException.invalid("Invalid SigV4 request: its body could not be verified");
			}
			if (isMultipart(request)) {
				throw AwsAuthenticationException.badRequest("Invalid SigV4 request: multipart bodies cannot be "
						+ "verified; send the content as the body itself");
			}
			UnambiguousQuery.check(request.getQueryString());
			return new UnverifiedCredential(Mechanism.SIGV4, toSigV4Request(request, body));
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.SIGV4, SigV4Request.class, this::authenticate);
	}

	@Override
	public String challenge() {
		return SigV4Authorization.ALGORITHM;
	}

	@Override
	public Filter preparingFilter() {
		return this.bodies;
	}

	private AwsAuthenticationToken authenticate(SigV4Request request) {
		SigV4Verifier.Verified verified = this.verifier.verify(request);
		SigV4Authorization signature = verified.authorization();
		SigV4Key key = verified.key();
		Signer signer = new Signer(key.accessKeyId(), key.principal(), key.authorities(), signature.signedHeaders(),
				signature.presigned());
		AwsPrincipal principal = this.principals.get(signer, (same) -> principal(signature, key));
		return new AwsAuthenticationToken(principal, null);
	}

	/**
	 * The key's own id, whichever spelling of it a store finds the key by; the region and service
	 * are the verifier's own, since a signature for others does not verify.
	 */
	private static AwsPrincipal principal(SigV4Authorization signature, SigV4Key key) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("accessKeyId", key.accessKeyId());
		attributes.put("region", signature.region());
		attributes.put("service", signature.service());
		attributes.put("signedHeaders", signature.signedHeaders());
		attributes.put("presigned", signature.presigned());
		return new AwsPrincipal(key.principal(), Mechanism.SIGV4, attributes,
				AuthorityUtils.createAuthorityList(key.authorities()));
	}

	/**
	 * What a principal is made of: the key without its secret (so that a key whose principal or
	 * authorities change names a new principal, and no secret is kept here) and what the signature
	 * covered.
	 */
	private record Signer(String accessKeyId, String principal, List<String> authorities, List<String> signedHeaders,
			boolean presigned) {

	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
	}

	private static SigV4Request toSigV4Request(HttpServletRequest request, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.list(request.getHeaders(name)));
		}
		return new SigV4Request(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, body);
	}

}
