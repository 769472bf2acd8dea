package io.github.awsauth.mtls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.CacheStatistics;
import io.github.awsauth.core.ClientCertificates;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.PatternAllowlist;
import io.github.awsauth.core.RequestCredentials;
import io.github.awsauth.core.RequestPathCaches;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Machines with an X.509 client certificate. The certificate is found and verified before the
 * security chain ({@link #preparingFilter()}: the container's, or the ALB's headers from a trusted
 * peer, a passthrough chain validated against the trust store); then its subject must match the
 * allowlist, which grants the authorities. The principal is named by the subject's common name or a
 * configured subject alternative name. A certificate is a credential of the connection: beside a
 * credential of the request (a JWT) it is not ambiguous, the request's credential names the caller
 * and a certificate-bound token must match it.
 */
public final class MtlsAuthenticationMechanism implements AwsAuthenticationMechanism {

	private static final Map<MtlsProperties.PrincipalName, Integer> SAN_TYPES = Map.of(
			MtlsProperties.PrincipalName.EMAIL, 1, MtlsProperties.PrincipalName.DNS, 2,
			MtlsProperties.PrincipalName.URI, 6);

	private final ClientCertificateFilter certificates;

	private final List<String> credentialHeaders;

	private final PatternAllowlist subjects;

	private final MtlsProperties.PrincipalName principal;

	private final MtlsSource source;

	/**
	 * The principals of the certificates the filter's verified-chain cache hands out again, by the
	 * leaf's identity: made once per certificate, released when the chain leaves that cache.
	 */
	private final Cache<X509Certificate, AwsPrincipal> principals;

	/**
	 * Create the mechanism.
	 * @param properties the mTLS properties
	 * @param validator validates passthrough chains, or {@code null} for the other sources
	 */
	public MtlsAuthenticationMechanism(MtlsProperties properties, @Nullable CertificateChainValidator validator) {
		this.source = properties.getSource();
		MtlsProperties.Headers headers = properties.getHeaders();
		this.certificates = new ClientCertificateFilter(this.source, headers, properties.getTrustedProxies(), validator,
				(int) properties.getMaxHeaderSize().toBytes(), properties.getVerifiedCacheSize());
		this.credentialHeaders = switch (this.source) {
			case TLS -> List.of();
			case ALB_PASSTHROUGH -> List.of(headers.getClientCert());
			case ALB_VERIFY -> List.of(headers.getLeaf(), headers.getSubject(), headers.getIssuer(),
					headers.getSerialNumber());
		};
		this.subjects = allowlist(properties.getSubjects());
		this.principal = properties.getPrincipal();
		this.principals = RequestPathCaches.newBuilder()
			.weakKeys()
			.maximumSize(Math.max(properties.getVerifiedCacheSize(), 0))
			.build();
	}

	/**
	 * The subject allowlist; a {@code *} stays within one attribute value of the name, and names are
	 * compared attribute by attribute ({@link #attributes(String)}), attribute types in any case.
	 * @param subjects subject pattern to authorities
	 * @return the allowlist
	 * @throws IllegalArgumentException if a pattern is not a distinguished name
	 */
	public static PatternAllowlist allowlist(Map<String, List<String>> subjects) {
		return new PatternAllowlist(subjects, MtlsAuthenticationMechanism::attributes,
				MtlsAuthenticationMechanism::problem);
	}

	/**
	 * The attributes of a distinguished name, most specific first, each {@code TYPE=value} with the
	 * value unescaped: {@code CN=billing-1,O=Example} is {@code [CN=billing-1, O=Example]}, and a
	 * comma escaped inside a value stays in it. A name with a multi-valued part
	 * ({@code CN=a+CN=b}) has no fields: it matches nothing, since which of its values names the
	 * caller would be ambiguous.
	 * @param name an RFC 2253 name
	 * @return the attributes, or {@code null} when it is not a name or has a multi-valued part
	 */
	static @Nullable List<String> attributes(String name) {
		try {
			List<Rdn> rdns = new LdapName(name).getRdns();
			List<String> attributes = new java.util.ArrayList<>(rdns.size());
			for (int i = rdns.size() - 1; i >= 0; i--) {
				Rdn rdn = rdns.get(i);
				if (rdn.size() != 1 || !(rdn.getValue() instanceof String value)) {
					return null;
				}
				attributes.add(rdn.getType().toUpperCase(java.util.Locale.ROOT) + "=" + value);
			}
			return attributes;
		}
		catch (InvalidNameException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * What is wrong with a subject pattern, if anything.
	 * @param pattern the pattern
	 * @return the problem, or {@code null} when it is an RFC 2253 distinguished name
	 */
	public static @Nullable String problem(String pattern) {
		List<String> attributes = attributes(pattern);
		if (attributes == null) {
			return "it is not a distinguished name of single-valued parts such as CN=billing-*,O=Example";
		}
		return attributes.isEmpty() ? "it is empty" : null;
	}

	/**
	 * What the cache of verified ALB passthrough chains holds and how often it answered; all zero
	 * for the other sources, which verify no chain here.
	 * @return the statistics
	 */
	public CacheStatistics verifiedStatistics() {
		return this.certificates.verifiedStatistics();
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.MTLS;
	}

	@Override
	public List<String> credentialHeaders() {
		return this.credentialHeaders;
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return request.getAttribute(ClientCertificateFilter.OUTCOME) != null;
	}

	@Override
	public boolean isTransport() {
		return true;
	}

	@Override
	public boolean isAmbient() {
		return true;
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			if (RequestCredentials.mechanism(request) != Mechanism.MTLS
					|| !(request.getAttribute(ClientCertificateFilter.OUTCOME) instanceof ClientCertificateFilter.Presented presented)) {
				return null;
			}
			if (presented.certificate() == null) {
				throw AwsAuthenticationException.invalid("Invalid client certificate: " + presented.refusal());
			}
			return new UnverifiedCredential(Mechanism.MTLS, presented.certificate());
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.MTLS, PresentedCertificate.class, this::authenticate);
	}

	/** Not a scheme of the Authorization header: the caller needs a client certificate. */
	@Override
	public String challenge() {
		return "MutualTLS";
	}

	@Override
	public Filter preparingFilter() {
		return this.certificates;
	}

	private AwsAuthenticationToken authenticate(PresentedCertificate certificate) {
		X509Certificate leaf = certificate.leaf();
		AwsPrincipal principal = (leaf != null) ? this.principals.get(leaf, (same) -> principal(certificate))
				: principal(certificate);
		return new AwsAuthenticationToken(principal, null);
	}

	private AwsPrincipal principal(PresentedCertificate certificate) {
		// the subject is read once: for the allowlist and for the common name
		List<String> subject = attributes(certificate.subject());
		if (subject == null) {
			throw AwsAuthenticationException
				.invalid(AuthenticationFailureReason.NOT_ALLOWED,
						"Client certificate not allowed: its subject is not a name of single-valued parts");
		}
		Set<String> authorities = this.subjects.authoritiesOfFields(subject);
		if (authorities == null) {
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.NOT_ALLOWED,
					"Client certificate not allowed: " + certificate.subject());
		}
		String name = name(certificate, subject);
		if (name == null) {
			throw AwsAuthenticationException
				.invalid("Client certificate has no " + this.principal.name().toLowerCase() + " to name the caller");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("subject", certificate.subject());
		attributes.put("issuer", certificate.issuer());
		attributes.put("serialNumber", certificate.serialNumber());
		attributes.put("source", this.source.name().toLowerCase().replace('_', '-'));
		X509Certificate leaf = certificate.leaf();
		if (leaf != null) {
			attributes.put("x5t#S256", ClientCertificates.sha256Thumbprint(leaf));
			attributes.put("notBefore", leaf.getNotBefore().toInstant().toString());
			attributes.put("notAfter", leaf.getNotAfter().toInstant().toString());
		}
		return new AwsPrincipal(name, Mechanism.MTLS, attributes,
				AuthorityUtils.createAuthorityList(authorities.toArray(new String[0])));
	}

	private @Nullable String name(PresentedCertificate certificate, List<String> subject) {
		if (this.principal == MtlsProperties.PrincipalName.CN) {
			// the most specific common name: attributes come most specific first
			return subject.stream()
				.filter((attribute) -> attribute.startsWith("CN=") && attribute.length() > 3)
				.map((attribute) -> attribute.substring(3))
				.findFirst()
				.orElse(null);
		}
		X509Certificate leaf = certificate.leaf();
		if (leaf == null) {
			return null;
		}
		try {
			Collection<List<?>> names = leaf.getSubjectAlternativeNames();
			if (names == null) {
				return null;
			}
			Integer type = SAN_TYPES.get(this.principal);
			return names.stream()
				.filter((entry) -> type.equals(entry.get(0)) && entry.get(1) instanceof String)
				.map((entry) -> (String) entry.get(1))
				.findFirst()
				.orElse(null);
		}
		catch (CertificateParsingException ex) {
			return null;
		}
	}

}
