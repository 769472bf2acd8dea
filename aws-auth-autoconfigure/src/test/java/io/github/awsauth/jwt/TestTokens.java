package io.github.awsauth.jwt;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Keys made for a test run and tokens signed with them, shaped like Cognito's.
 */
public final class TestTokens {

	public final RSAKey rsa = generateRsa("rsa-1");

	public final ECKey ec = generateEc("ec-1");

	/** A key the issuer does not publish. */
	public final RSAKey attacker = generateRsa("rsa-1");

	private final String issuer;

	public TestTokens(String issuer) {
		this.issuer = issuer;
	}

	public String jwks() {
		return new JWKSet(List.<JWK>of(this.rsa.toPublicJWK(), this.ec.toPublicJWK())).toString();
	}

	/** Claims of alice's Cognito access token, valid for 5 minutes. */
	public JWTClaimsSet.Builder accessClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject("5f0e2b1c-alice")
			.claim("token_use", "access")
			.claim("client_id", "app-client")
			.claim("username", "alice")
			.claim("cognito:groups", List.of("admin", "ops"))
			.claim("scope", "orders.read orders.write")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString());
	}

	public String sign(JWTClaimsSet.Builder claims) {
		return sign(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.rsa.getKeyID()), this.rsa);
	}

	public String sign(Consumer<JWTClaimsSet.Builder> claims) {
		JWTClaimsSet.Builder builder = accessClaims();
		claims.accept(builder);
		return sign(builder);
	}

	public static String sign(JWTClaimsSet.Builder claims, JWSHeader.Builder header, JWK key) {
		try {
			SignedJWT jwt = new SignedJWT(header.build(), claims.build());
			JWSSigner signer = (key instanceof ECKey ecKey) ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey generateRsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static ECKey generateEcKey() {
		return generateEc(java.util.UUID.randomUUID().toString());
	}

	static ECKey generateEc(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
