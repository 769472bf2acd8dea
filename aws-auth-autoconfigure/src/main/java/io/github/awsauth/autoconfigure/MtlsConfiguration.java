package io.github.awsauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.awsauth.core.Caches;
import io.github.awsauth.mtls.CertificateChainValidator;
import io.github.awsauth.mtls.MtlsAuthenticationMechanism;
import io.github.awsauth.mtls.MtlsProperties;
import io.github.awsauth.mtls.MtlsSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Mutual TLS ({@code aws.auth.mtls.enabled}): the container's client certificate, or the ALB's
 * mTLS headers from the trusted proxies, a passthrough chain validated against the trust store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.mtls.enabled")
class MtlsConfiguration {

	private static final String PREFIX = "aws.auth.mtls";

	@Bean
	@ConditionalOnMissingBean
	MtlsAuthenticationMechanism mtlsAuthenticationMechanism(AwsAuthProperties properties, Environment environment,
			Caches caches) {
		MtlsProperties mtls = properties.getMtls();
		if (mtls.getSubjects().isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".subjects", "the allowlist is empty",
					"List the client certificate subjects this service accepts, with the authorities they get, under "
							+ PREFIX + ".subjects, for example \"[CN=billing-*,O=Example]\": [ROLE_billing].");
		}
		PatternKeys.check(PREFIX + ".subjects", mtls.getSubjects().keySet(), MtlsAuthenticationMechanism::problem,
				"\"[CN=billing-*,O=Example]\": [ROLE_billing]");
		if (mtls.getSource() == MtlsSource.TLS) {
			String clientAuth = environment.getProperty("server.ssl.client-auth", "none");
			if ("none".equalsIgnoreCase(clientAuth)) {
				throw new AwsAuthConfigurationException("server.ssl.client-auth", "the server asks for no client certificate",
						"Set server.ssl.client-auth=want (or need) with server.ssl.trust-store of the client CAs, or set "
								+ PREFIX + ".source to alb-passthrough or alb-verify behind an ALB.");
			}
			if (Stream.of("server.ssl.trust-store", "server.ssl.trust-certificate", "server.ssl.bundle")
				.noneMatch(environment::containsProperty)) {
				// without one the container would trust the JVM's public CAs for client certificates
				throw new AwsAuthConfigurationException("server.ssl.trust-store", "no trust store for client certificates",
						"Set server.ssl.trust-store (or server.ssl.trust-certificate, or an SSL bundle) to the CAs "
								+ "that issue your clients' certificates.");
			}
			return new MtlsAuthenticationMechanism(mtls, null);
		}
		trustedProxies(mtls.getTrustedProxies());
		if (rewritesRemoteAddress(environment)) {
			throw new AwsAuthConfigurationException("server.forward-headers-strategy",
					"the container takes the client address from X-Forwarded-For",
					"Set server.forward-headers-strategy=framework (or none): " + PREFIX + ".trusted-proxies must be "
							+ "compared with the connection's own peer, which the native strategy (the default on "
							+ "Kubernetes and ECS) replaces with a forwarded address anyone can write.");
		}
		if (mtls.getSource() != MtlsSource.ALB_PASSTHROUGH) {
			return new MtlsAuthenticationMechanism(mtls, null);
		}
		MtlsAuthenticationMechanism mechanism = new MtlsAuthenticationMechanism(mtls, new CertificateChainValidator(
				authorities(mtls.getTrustStore()), crls(mtls.getCrls()), Clock.systemUTC()));
		caches.register("mtls.verified", mechanism::verifiedStatistics);
		return mechanism;
	}

	/** Tomcat's RemoteIpValve overwrites the peer address in place, which no request wrapper undoes. */
	private static boolean rewritesRemoteAddress(Environment environment) {
		String strategy = environment.getProperty("server.forward-headers-strategy");
		if (strategy != null) {
			return "native".equalsIgnoreCase(strategy);
		}
		CloudPlatform platform = CloudPlatform.getActive(environment);
		return platform != null && platform.isUsingForwardHeaders();
	}

	private static void trustedProxies(List<String> proxies) {
		if (proxies.isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".trusted-proxies", "no proxy is trusted",
					"Set " + PREFIX + ".trusted-proxies to the addresses or CIDR blocks of the load balancer (its "
							+ "subnets); the mTLS headers are believed only from them.");
		}
		for (int i = 0; i < proxies.size(); i++) {
			try {
				new IpAddressMatcher(proxies.get(i));
			}
			catch (IllegalArgumentException ex) {
				throw new AwsAuthConfigurationException(PREFIX + ".trusted-proxies[" + i + "]",
						"'" + proxies.get(i) + "' is not an address or CIDR block",
						"Write an address (10.0.1.7) or a block (10.0.0.0/16).");
			}
		}
	}

	private static List<X509Certificate> authorities(Resource trustStore) {
		if (trustStore == null || !trustStore.exists()) {
			throw new AwsAuthConfigurationException(PREFIX + ".trust-store", "no trust store is set",
					"Set " + PREFIX + ".trust-store to a PEM bundle of the CAs that issue client certificates; the "
							+ "ALB passes their chains on unverified.");
		}
		try (InputStream pem = trustStore.getInputStream()) {
			List<X509Certificate> authorities = new ArrayList<>();
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
				authorities.add((X509Certificate) certificate);
			}
			if (authorities.isEmpty()) {
				throw new CertificateException("no certificate");
			}
			return authorities;
		}
		catch (IOException | CertificateException | ClassCastException ex) {
			throw new AwsAuthConfigurationException(PREFIX + ".trust-store", "it is not a PEM bundle of certificates",
					"Set it to the CA certificates, PEM, BEGIN and END lines included.");
		}
	}

	private static List<X509CRL> crls(List<Resource> locations) {
		List<X509CRL> crls = new ArrayList<>();
		for (int i = 0; i < locations.size(); i++) {
			try (InputStream pem = locations.get(i).getInputStream()) {
				for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(pem)) {
					crls.add((X509CRL) crl);
				}
			}
			catch (IOException | CertificateException | CRLException | ClassCastException ex) {
				throw new AwsAuthConfigurationException(PREFIX + ".crls[" + i + "]", "it is not a PEM CRL",
						"Set it to a certificate revocation list of one of the trust store's CAs.");
			}
		}
		return crls;
	}

}
