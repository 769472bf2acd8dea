package io.github.awsauth.mtls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Mutual TLS ({@code aws.auth.mtls}).
 */
public class MtlsProperties {

	/**
	 * Whether callers may authenticate with an X.509 client certificate.
	 */
	private boolean enabled;

	/**
	 * Where the certificate comes from: tls (the servlet container verified it; set
	 * server.ssl.client-auth), alb-passthrough (the chain in the ALB's header, validated here against
	 * trust-store) or alb-verify (the ALB verified it; its subject, issuer and serial headers).
	 */
	private MtlsSource source = MtlsSource.TLS;

	/**
	 * The immediate peers (the socket's remote address; never X-Forwarded-For) whose ALB mTLS headers
	 * are believed, as addresses or CIDR blocks, for example the load balancer's subnets. From any
	 * other peer the headers are ignored.
	 */
	private List<String> trustedProxies = new ArrayList<>();

	/**
	 * PEM bundle of the CAs that issue client certificates, for alb-passthrough.
	 */
	private @Nullable Resource trustStore;

	/**
	 * PEM certificate revocation lists of those CAs, checked for alb-passthrough when set.
	 */
	private List<Resource> crls = new ArrayList<>();

	/**
	 * What names the caller: cn (the most specific common name of the subject), dns, uri or email
	 * (the first subject alternative name of that type).
	 */
	private PrincipalName principal = PrincipalName.CN;

	/**
	 * The allowlist: subject distinguished-name pattern (RFC 2253, a '*' stays within one attribute)
	 * to authorities, for example "[CN=billing-*,O=Example]": [ROLE_billing].
	 */
	private Map<String, List<String>> subjects = new LinkedHashMap<>();

	/**
	 * The longest certificate header read.
	 */
	private DataSize maxHeaderSize = DataSize.ofKilobytes(32);

	/**
	 * Most validated alb-passthrough chains remembered (by the SHA-256 of the header), so that a
	 * chain sent again is not parsed and validated again while it lasts, nor its principal made
	 * again: until the earliest expiry of its certificates and no later than a configured CRL's next
	 * update (a CRL without one turns remembering off). 0: every chain is validated.
	 */
	private long verifiedCacheSize = 10_000;

	/**
	 * The ALB's header names (each can be renamed on the listener).
	 */
	private final Headers headers = new Headers();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public MtlsSource getSource() {
		return this.source;
	}

	public void setSource(MtlsSource source) {
		this.source = source;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public @Nullable Resource getTrustStore() {
		return this.trustStore;
	}

	public void setTrustStore(@Nullable Resource trustStore) {
		this.trustStore = trustStore;
	}

	public List<Resource> getCrls() {
		return this.crls;
	}

	public void setCrls(List<Resource> crls) {
		this.crls = crls;
	}

	public PrincipalName getPrincipal() {
		return this.principal;
	}

	public void setPrincipal(PrincipalName principal) {
		this.principal = principal;
	}

	public Map<String, List<String>> getSubjects() {
		return this.subjects;
	}

	public void setSubjects(Map<String, List<String>> subjects) {
		this.subjects = subjects;
	}

	public DataSize getMaxHeaderSize() {
		return this.maxHeaderSize;
	}

	public long getVerifiedCacheSize() {
		return this.verifiedCacheSize;
	}

	public void setVerifiedCacheSize(long verifiedCacheSize) {
		this.verifiedCacheSize = verifiedCacheSize;
	}

	public void setMaxHeaderSize(DataSize maxHeaderSize) {
		this.maxHeaderSize = maxHeaderSize;
	}

	public Headers getHeaders() {
		return this.headers;
	}

	/**
	 * What names the caller.
	 */
	public enum PrincipalName {

		/** The most specific common name of the subject. */
		CN,

		/** The first DNS subject alternative name. */
		DNS,

		/** The first URI subject alternative name (a SPIFFE id, for example). */
		URI,

		/** The first e-mail subject alternative name. */
		EMAIL

	}

	/**
	 * The ALB's mTLS header names.
	 */
	public static class Headers {

		/**
		 * The URL-encoded PEM chain, leaf first (passthrough).
		 */
		private String clientCert = "X-Amzn-Mtls-Clientcert";

		/**
		 * The URL-encoded PEM leaf (verify).
		 */
		private String leaf = "X-Amzn-Mtls-Clientcert-Leaf";

		/**
		 * The RFC 2253 subject of the leaf (verify).
		 */
		private String subject = "X-Amzn-Mtls-Clientcert-Subject";

		/**
		 * The RFC 2253 issuer of the leaf (verify).
		 */
		private String issuer = "X-Amzn-Mtls-Clientcert-Issuer";

		/**
		 * The hexadecimal serial number of the leaf (verify).
		 */
		private String serialNumber = "X-Amzn-Mtls-Clientcert-Serial-Number";

		public String getClientCert() {
			return this.clientCert;
		}

		public void setClientCert(String clientCert) {
			this.clientCert = clientCert;
		}

		public String getLeaf() {
			return this.leaf;
		}

		public void setLeaf(String leaf) {
			this.leaf = leaf;
		}

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

		public String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(String issuer) {
			this.issuer = issuer;
		}

		public String getSerialNumber() {
			return this.serialNumber;
		}

		public void setSerialNumber(String serialNumber) {
			this.serialNumber = serialNumber;
		}

	}

}
