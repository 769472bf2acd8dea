package io.github.awsauth.mtls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import com.github.benmanes.caffeine.cache.Interner;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.core.VerifiedCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Finds the request's client certificate before anything else runs, so that the mTLS mechanism,
 * and a certificate-bound token beside it, see the same verified certificate. With
 * {@code alb-passthrough} and {@code alb-verify} the ALB's headers are read only from a trusted
 * immediate peer, and a passthrough chain is validated here; a certificate that passes is put where
 * the servlet specification keeps the client certificate ({@link ClientCertificates}). What was
 * found, or why it was refused, is noted on the request for the mechanism. A validated passthrough
 * chain is remembered by its header; the CA certificates of remembered chains are shared, so that
 * the chains of many clients of one CA keep one decoded copy of it.
 */
final class ClientCertificateFilter extends OncePerRequestFilter {

	/** The request attribute with the {@link Presented} outcome. */
	static final String OUTCOME = ClientCertificateFilter.class.getName() + ".outcome";

	private static final int MAX_CHAIN = 10;

	private final MtlsSource source;

	private final MtlsProperties.Headers headers;

	private final List<IpAddressMatcher> trustedProxies;

	private final @Nullable CertificateChainValidator validator;

	private final int maxHeaderSize;

	private final VerifiedCache<VerifiedChain> verifiedChains;

	/** The CA certificates of remembered chains, held as long as one of those chains holds them. */
	private final Interner<X509Certificate> authorities = Interner.newWeakInterner();

	ClientCertificateFilter(MtlsSource source, MtlsProperties.Headers headers, List<String> trustedProxies,
			@Nullable CertificateChainValidator validator, int maxHeaderSize, long verifiedCacheSize) {
		this.source = source;
		this.headers = headers;
		this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
		this.validator = validator;
		this.maxHeaderSize = maxHeaderSize;
		this.verifiedChains = new VerifiedCache<>((validator != null) ? verifiedCacheSize : 0,
				(validator != null) ? validator.clock() : Clock.systemUTC());
	}

	/**
	 * What a request presented.
	 *
	 * @param certificate the verified certificate, or {@code null} when it was refused
	 * @param refusal why it was refused, or {@code null}
	 */
	record Presented(@Nullable PresentedCertificate certificate, @Nullable String refusal) {

	}

	CacheStatistics verifiedStatistics() {
		return this.verifiedChains.statistics();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Presented presented = switch (this.source) {
			case TLS -> fromTls(request);
			case ALB_PASSTHROUGH -> fromTrustedPeer(request) ? fromPassthrough(request) : null;
			case ALB_VERIFY -> fromTrustedPeer(request) ? fromVerify(request) : null;
		};
		if (presented != null) {
			request.setAttribute(OUTCOME, presented);
		}
		chain.doFilter(request, response);
	}

	private static @Nullable Presented fromTls(HttpServletRequest request) {
		X509Certificate leaf = ClientCertificates.leaf(request);
		return (leaf != null) ? accepted(PresentedCertificate.of(leaf)) : null;
	}

	private @Nullable Presented fromPassthrough(HttpServletRequest request) {
		String header = request.getHeader(this.headers.getClientCert());
		if (header == null) {
			return null;
		}
		VerifiedChain verified = this.verifiedChains.get(header);
		if (verified == null) {
			List<X509Certificate> chain = certificates(header);
			if (chain == null) {
				return refused("the client certificate header is not a URL-encoded PEM chain");
			}
			if (new HashSet<>(chain).size() != chain.size()) {
				// no client needs it; it would make a remembered chain as large as the header allows
				return refused("the client certificate chain repeats a certificate");
			}
			String problem = this.validator.problem(chain);
			if (problem != null) {
				return refused(problem);
			}
			verified = new VerifiedChain(shared(chain), PresentedCertificate.of(chain.get(0)));
			this.verifiedChains.put(header, verified, this.validator.validUntil(chain));
		}
		request.setAttribute(ClientCertificates.ATTRIBUTE, verified.chain().clone());
		return accepted(verified.leaf());
	}

	/** The chain, each certificate after the leaf replaced by the equal one other chains hold. */
	private X509Certificate[] shared(List<X509Certificate> chain) {
		X509Certificate[] shared = chain.toArray(new X509Certificate[0]);
		for (int i = 1; i < shared.length; i++) {
			shared[i] = this.authorities.intern(shared[i]);
		}
		return shared;
	}

	/** A chain that was validated, with the names of its leaf read once. */
	private record VerifiedChain(X509Certificate[] chain, PresentedCertificate leaf) {

	}

	private @Nullable Presented fromVerify(HttpServletRequest request) {
		String subject = request.getHeader(this.headers.getSubject());
		String leafHeader = request.getHeader(this.headers.getLeaf());
		if (subject == null && leafHeader == null) {
			return null;
		}
		if (subject == null || subject.length() > this.maxHeaderSize) {
			return refused("the load balancer sent no subject of the client certificate");
		}
		X509Certificate leaf = null;
		if (leafHeader != null) {
			List<X509Certificate> certificates = certificates(leafHeader);
			if (certificates == null || certificates.size() != 1) {
				return refused("the client certificate leaf header is not a URL-encoded PEM certificate");
			}
			leaf = certificates.get(0);
			if (!PresentedCertificate.of(leaf).subject().equals(subject)) {
				return refused("the load balancer's subject and leaf headers do not agree");
			}
			request.setAttribute(ClientCertificates.ATTRIBUTE, new X509Certificate[] { leaf });
		}
		String issuer = request.getHeader(this.headers.getIssuer());
		String serial = request.getHeader(this.headers.getSerialNumber());
		return accepted(new PresentedCertificate(subject, (issuer != null) ? issuer : "",
				(serial != null) ? serial : "", leaf));
	}

	/** The immediate peer is the socket's: a wrapper (such as Spring's forwarded-header filter) is looked through. */
	private boolean fromTrustedPeer(HttpServletRequest request) {
		ServletRequest socket = request;
		while (socket instanceof ServletRequestWrapper wrapper) {
			socket = wrapper.getRequest();
		}
		String peer = socket.getRemoteAddr();
		return peer != null && this.trustedProxies.stream().anyMatch((proxy) -> proxy.matches(peer));
	}

	/** URL-encoded PEM with {@code +}, {@code =} and {@code /} left as they are: a {@code +} is not a space. */
	private @Nullable List<X509Certificate> certificates(String header) {
		if (header.length() > this.maxHeaderSize) {
			return null;
		}
		try {
			String pem = UriUtils.decode(header, StandardCharsets.UTF_8);
			Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
			if (parsed.isEmpty() || parsed.size() > MAX_CHAIN) {
				return null;
			}
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate certificate : parsed) {
				chain.add((X509Certificate) certificate);
			}
			return List.copyOf(chain);
		}
		catch (CertificateException | IllegalArgumentException | ClassCastException ex) {
			return null;
		}
	}

	private static Presented accepted(PresentedCertificate certificate) {
		return new Presented(certificate, null);
	}

	private static Presented refused(String reason) {
		return new Presented(null, reason);
	}

	/**
	 * Its own once-per-request marker: the preparing filters share one registration, and so the
	 * name from which Spring derives the marker.
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		return ClientCertificateFilter.class.getName() + ".FILTERED";
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
