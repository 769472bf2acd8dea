package io.github.awsauth.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TokenUse;
import io.github.awsauth.jwt.TrustedIssuer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The trusted issuers: {@code aws.auth.jwt.issuers} and the {@code aws.auth.cognito} shortcut,
 * validated once (failing with the name of the property to fix) and shared by the decoder, the
 * principal mapping and the start-up checks.
 */
final class TrustedIssuers {

	private final List<TrustedIssuer> issuers;

	private TrustedIssuers(List<TrustedIssuer> issuers) {
		this.issuers = List.copyOf(issuers);
	}

	/**
	 * The issuers.
	 * @return the issuers, in configuration order, the shortcut's last
	 */
	List<TrustedIssuer> list() {
		return this.issuers;
	}

	static TrustedIssuers from(AwsAuthProperties properties) {
		List<TrustedIssuer> issuers = new ArrayList<>();
		List<JwtProperties.Issuer> configured = properties.getJwt().getIssuers();
		for (int i = 0; i < configured.size(); i++) {
			issuers.add(issuer(configured.get(i), "aws.auth.jwt.issuers[" + i + "]"));
		}
		TrustedIssuer cognito = cognito(properties.getCognito());
		if (cognito != null) {
			issuers.add(cognito);
		}
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < issuers.size(); i++) {
			if (!seen.add(issuers.get(i).issuerUri())) {
				String property = (i < configured.size()) ? "aws.auth.jwt.issuers[" + i + "].issuer-uri"
						: "aws.auth.cognito.user-pool-id";
				throw new AwsAuthConfigurationException(property,
						"issuer " + issuers.get(i).issuerUri() + " is configured twice",
						"Configure each issuer once; list all its audiences in one entry.");
			}
		}
		return new TrustedIssuers(issuers);
	}

	private static TrustedIssuer issuer(JwtProperties.Issuer issuer, String prefix) {
		String issuerUri = issuer.getIssuerUri();
		if (!StringUtils.hasText(issuerUri)) {
			throw new AwsAuthConfigurationException(prefix + ".issuer-uri", "no issuer is set",
					"Set " + prefix + ".issuer-uri to the exact \"iss\" of the tokens, for example "
							+ "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI.");
		}
		URI uri = httpUri(issuerUri, prefix + ".issuer-uri");
		URI jwkSetUri = (issuer.getJwkSetUri() != null) ? httpUri(issuer.getJwkSetUri(), prefix + ".jwk-set-uri")
				: null;
		if (issuer.getAudiences().stream().noneMatch(StringUtils::hasText)) {
			throw new AwsAuthConfigurationException(prefix + ".audiences", "no audience is set",
					"Set " + prefix + ".audiences to the app client ids (Cognito) or audiences whose tokens "
							+ "this service accepts.");
		}
		boolean cognito = (issuer.getCognito() != null) ? issuer.getCognito()
				: CognitoUserPool.isIssuer(issuerUri);
		if (cognito && jwkSetUri == null) {
			jwkSetUri = CognitoUserPool.jwkSetUri(issuerUri);
		}
		return new TrustedIssuer(issuerUri, jwkSetUri, Set.copyOf(issuer.getAudiences()), issuer.getTokenUse(),
				cognito);
	}

	private static @Nullable TrustedIssuer cognito(CognitoProperties cognito) {
		String poolId = cognito.getUserPoolId();
		if (!StringUtils.hasText(poolId)) {
			return null;
		}
		CognitoUserPool pool = CognitoUserPool.ofId(poolId);
		if (pool == null) {
			throw new AwsAuthConfigurationException("aws.auth.cognito.user-pool-id",
					"'" + poolId + "' is not a user pool id",
					"Set it to the pool id shown in the Cognito console, for example eu-west-1_AbCdEfGhI.");
		}
		String region = StringUtils.hasText(cognito.getRegion()) ? cognito.getRegion() : pool.region();
		if (!region.equals(pool.region())) {
			throw new AwsAuthConfigurationException("aws.auth.cognito.region",
					"region " + region + " does not match the user pool " + poolId,
					"Set aws.auth.cognito.region to " + pool.region() + " or remove it.");
		}
		if (!StringUtils.hasText(cognito.getClientId())) {
			throw new AwsAuthConfigurationException("aws.auth.cognito.client-id", "no app client id is set",
					"Set aws.auth.cognito.client-id to the id of the app client whose tokens this service accepts.");
		}
		String issuerUri = cognitoIssuerUri(cognito);
		if (cognito.getIssuerUri() != null) {
			httpUri(cognito.getIssuerUri(), "aws.auth.cognito.issuer-uri");
		}
		return new TrustedIssuer(issuerUri, CognitoUserPool.jwkSetUri(issuerUri),
				Set.of(cognito.getClientId()), TokenUse.ACCESS, true);
	}

	/**
	 * The issuer of the shortcut's user pool, after its properties were validated.
	 * @param cognito the shortcut
	 * @return {@code https://cognito-idp.{region}.amazonaws.com/{pool}}, or {@code null} without
	 * a pool
	 */
	static @Nullable String cognitoIssuerUri(CognitoProperties cognito) {
		String poolId = cognito.getUserPoolId();
		if (!StringUtils.hasText(poolId)) {
			return null;
		}
		if (StringUtils.hasText(cognito.getIssuerUri())) {
			return cognito.getIssuerUri();
		}
		CognitoUserPool pool = CognitoUserPool.ofId(poolId);
		return (pool != null) ? pool.issuer() : new CognitoUserPool(cognito.getRegion(), poolId).issuer();
	}

	/** An absolute https URI; plain http only for loopback hosts (local development and tests). */
	private static URI httpUri(String value, String property) {
		URI uri;
		try {
			uri = URI.create(value);
		}
		catch (IllegalArgumentException ex) {
			throw new AwsAuthConfigurationException(property, "'" + value + "' is not a URI",
					"Set " + property + " to an absolute https URI.");
		}
		boolean https = "https".equals(uri.getScheme());
		boolean loopbackHttp = "http".equals(uri.getScheme()) && isLoopback(uri.getHost());
		if (uri.getHost() == null || !(https || loopbackHttp)) {
			throw new AwsAuthConfigurationException(property, "'" + value + "' is not an absolute https URI",
					"Set " + property + " to an https URI (plain http is accepted only for localhost).");
		}
		return uri;
	}

	private static boolean isLoopback(@Nullable String host) {
		return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
	}

}
