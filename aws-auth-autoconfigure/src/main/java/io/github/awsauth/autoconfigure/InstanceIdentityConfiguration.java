package io.github.awsauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.Caches;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.iid.Ec2InstanceLiveCheck;
import io.github.awsauth.iid.InstanceIdentityAuthenticationMechanism;
import io.github.awsauth.iid.InstanceIdentityKeys;
import io.github.awsauth.iid.InstanceIdentityProperties;
import io.github.awsauth.iid.InstanceIdentityVerifier;
import io.github.awsauth.iid.InstanceLiveCheck;
import io.github.awsauth.iid.SignatureForm;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * EC2 instances with their signed identity document ({@code aws.auth.instance-identity.enabled}):
 * AWS's bundled keys plus {@code certificates}, the account allowlist, and the optional live check
 * with EC2.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.instance-identity.enabled")
class InstanceIdentityConfiguration {

	private static final String PREFIX = "aws.auth.instance-identity";

	@Bean
	@ConditionalOnMissingBean
	InstanceIdentityAuthenticationMechanism instanceIdentityAuthenticationMechanism(AwsAuthProperties properties,
			ObjectProvider<InstanceLiveCheck> liveChecks, CryptoProvider crypto, Caches caches) {
		InstanceIdentityProperties iid = properties.getInstanceIdentity();
		Map<String, List<String>> accounts = iid.getAccounts();
		if (accounts.isEmpty()) {
			throw new AwsAuthConfigurationException(PREFIX + ".accounts", "the allowlist is empty",
					"List the AWS accounts whose instances may call this service, with the authorities they get, "
							+ "under " + PREFIX + ".accounts, for example \"123456789012\": [ROLE_ec2].");
		}
		PatternKeys.check(PREFIX + ".accounts", accounts.keySet(),
				InstanceIdentityAuthenticationMechanism::accountProblem, "\"[123456789012]\": [ROLE_ec2]");
		InstanceIdentityKeys keys = keys(iid);
		for (String region : iid.getRegions()) {
			if (keys.keyFor(SignatureForm.RSA2048, region) == null) {
				throw new AwsAuthConfigurationException(PREFIX + ".regions", "no AWS key is known for region " + region,
						"Check the region's name, or add its certificates under " + PREFIX + ".certificates.");
			}
		}
		InstanceLiveCheck liveCheck = iid.isLiveCheck() ? liveChecks.getIfAvailable() : null;
		if (iid.isLiveCheck() && liveCheck == null) {
			throw new AwsAuthConfigurationException(PREFIX + ".live-check", "the live check needs the AWS SDK's EC2 client",
					"Add software.amazon.awssdk:ec2 to the dependencies, or set " + PREFIX + ".live-check=false.");
		}
		InstanceIdentityAuthenticationMechanism mechanism = new InstanceIdentityAuthenticationMechanism(
				new InstanceIdentityVerifier(keys, iid.isAllowSha1(), crypto),
				InstanceIdentityAuthenticationMechanism.accountAllowlist(accounts), new HashSet<>(iid.getRegions()),
				iid.getMaxAge(), liveCheck, (int) iid.getMaxSize().toBytes(), iid.getCacheSize(), Clock.systemUTC());
		caches.register("instance-identity.verified", mechanism::verifiedStatistics);
		return mechanism;
	}

	private static InstanceIdentityKeys keys(InstanceIdentityProperties iid) {
		InstanceIdentityKeys keys = InstanceIdentityKeys.bundled();
		List<InstanceIdentityProperties.Certificate> certificates = iid.getCertificates();
		for (int i = 0; i < certificates.size(); i++) {
			InstanceIdentityProperties.Certificate certificate = certificates.get(i);
			String prefix = PREFIX + ".certificates[" + i + "]";
			if (certificate.getRegion() == null || certificate.getForm() == null) {
				throw new AwsAuthConfigurationException(prefix, "a certificate needs region, form and location",
						"Set " + prefix + ".region, " + prefix + ".form (rsa2048, pkcs7 or signature) and " + prefix
								+ ".location.");
			}
			if (certificate.getLocation() == null || !certificate.getLocation().exists()) {
				throw new AwsAuthConfigurationException(prefix + ".location", "no certificate is there",
						"Set " + prefix + ".location to a PEM certificate, for example classpath:aws/eu-west-1.pem.");
			}
			try (InputStream pem = certificate.getLocation().getInputStream()) {
				keys = keys.with(certificate.getForm(), certificate.getRegion(), InstanceIdentityKeys.certificate(pem));
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new AwsAuthConfigurationException(prefix + ".location", "it is not a PEM certificate",
						"Copy the certificate of AWS's regions-certs page, BEGIN and END lines included.");
			}
		}
		return keys;
	}

	/** The live check with the SDK's EC2 client, when it is on the class path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "software.amazon.awssdk.services.ec2.Ec2Client")
	@ConditionalOnBooleanProperty(PREFIX + ".live-check")
	static class LiveCheckConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceLiveCheck instanceLiveCheck(AwsAuthProperties properties,
				ObjectProvider<AwsCredentialsProvider> credentials, Upstreams upstreams,
				ObjectProvider<SharedCache> shared, Caches caches) {
			InstanceIdentityProperties iid = properties.getInstanceIdentity();
			String endpoint = (iid.getEc2Endpoint() != null) ? iid.getEc2Endpoint().toString()
					: "the EC2 endpoint of each document's region";
			Ec2InstanceLiveCheck liveCheck = new Ec2InstanceLiveCheck(credentials.getObject(), iid.getEc2Endpoint(),
					iid.getLiveCheckTimeout(), AwsAuthConfigurationException.notNegative(iid.getLiveCheckCacheTtl(),
							"aws.auth.instance-identity.live-check-cache-ttl"),
					iid.getCacheSize(),
					upstreams.register("ec2", endpoint));
			liveCheck.setSharedCache(shared.getIfAvailable(() -> SharedCache.NONE));
			caches.register("instance-identity.instances", liveCheck::answerStatistics);
			return liveCheck;
		}

	}

}
