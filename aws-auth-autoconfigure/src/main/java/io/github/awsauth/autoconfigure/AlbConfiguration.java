package io.github.awsauth.autoconfigure;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import io.github.awsauth.alb.AlbAuthenticationMechanism;
import io.github.awsauth.alb.AlbLogout;
import io.github.awsauth.alb.AlbProperties;
import io.github.awsauth.alb.AlbPublicKeys;
import io.github.awsauth.alb.AlbTokenVerifier;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.Caches;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.jwt.SanitizingJwtDecoder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.util.StringUtils;

/**
 * Users authenticated by an Application Load Balancer ({@code aws.auth.alb.enabled}). Without it
 * the ALB headers are ignored completely.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aws.auth.alb.enabled")
class AlbConfiguration {

	private static final String PREFIX = "aws.auth.alb";

	@Bean
	@ConditionalOnMissingBean
	AlbAuthenticationMechanism albAuthenticationMechanism(AwsAuthProperties properties, ClaimAuthorities authorities,
			ObjectProvider<JwtDecoder> decoders, CryptoProvider crypto, Upstreams upstreams, Caches caches) {
		AlbProperties alb = properties.getAlb();
		if (alb.getSignerArns().stream().noneMatch(StringUtils::hasText)) {
			throw new AwsAuthConfigurationException(PREFIX + ".signer-arns", "no load balancer is trusted",
					"Set " + PREFIX + ".signer-arns to the ARNs of the load balancers in front of this service.");
		}
		if (alb.getPublicKeyUri().contains("{region}") && !StringUtils.hasText(alb.getRegion())) {
			throw new AwsAuthConfigurationException(PREFIX + ".region", "no region is set",
					"Set " + PREFIX + ".region to the region of the load balancers (it picks the key endpoint).");
		}
		String keyUri = alb.getPublicKeyUri().replace("{region}", (alb.getRegion() != null) ? alb.getRegion() : "");
		AlbPublicKeys keys = new AlbPublicKeys(keyUri, alb.getTimeout(), alb.getKeyCacheSize(),
				alb.getRefreshCooldown(), alb.getMaxNewKeyFetches(), crypto, Clock.systemUTC(),
				upstreams.register("alb-keys", keyUri));
		AlbTokenVerifier verifier = new AlbTokenVerifier(keys, alb.getSignerArns(), alb.getIssuer(),
				alb.getClientIds(), alb.getClockSkew(), crypto, alb.getVerifiedCacheSize(), Clock.systemUTC());
		caches.register("alb.verified", verifier::verifiedStatistics);
		return new AlbAuthenticationMechanism(verifier, authorities, alb.getDataHeader(), alb.getAccessTokenHeader(),
				alb.isVerifyAccessToken() ? accessTokens(decoders) : null);
	}

	@Bean
	@ConditionalOnMissingBean
	AlbLogout albLogout(AwsAuthProperties properties) {
		return new AlbLogout(properties.getAlb().getSessionCookieName(),
				properties.getAlb().getLogoutUrl());
	}

	/** Access tokens are checked by the bearer-JWT decoder, so they need an aws.auth.jwt issuer. */
	private static Function<String, Map<String, Object>> accessTokens(ObjectProvider<JwtDecoder> decoders) {
		return (token) -> {
			JwtDecoder decoder = decoders.getIfUnique();
			if (decoder == null) {
				throw AwsAuthenticationException.invalid("Invalid ALB request: no decoder for the access token");
			}
			try {
				return new SanitizingJwtDecoder(decoder).decode(token).getClaims();
			}
			catch (JwtException ex) {
				throw AwsAuthenticationException.invalid("Invalid ALB access token: " + ex.getMessage());
			}
		};
	}

}
