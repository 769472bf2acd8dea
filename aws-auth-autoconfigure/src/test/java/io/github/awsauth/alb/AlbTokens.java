package io.github.awsauth.alb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.testapp.Encoding;

/**
 * {@code x-amzn-oidc-data} headers built as ALB builds them: every segment base64url with '='
 * padding, the ES256 signature in raw r||s over the padded segments.
 */
public final class AlbTokens {

	public static final String SIGNER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";

	private AlbTokens() {
	}

	public static String token(String kid, ECKey key, Consumer<Map<String, Object>> header,
			Consumer<Map<String, Object>> claims, boolean derSignature) {
		return token(kid, key, header, claims, true, derSignature);
	}

	/** A header as ALB signs it ({@code padded}) or with the padding of its segments left out. */
	public static String token(String kid, ECKey key, Consumer<Map<String, Object>> header,
			Consumer<Map<String, Object>> claims, boolean padded, boolean derSignature) {
		String headerSegment = b64(json(header(kid, header)));
		String claimsSegment = b64(json(claims(claims)));
		String signingInput = padded ? headerSegment + "." + claimsSegment
				: headerSegment.replace("=", "") + "." + claimsSegment.replace("=", "");
		try {
			byte[] raw = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
					signingInput.getBytes(StandardCharsets.US_ASCII)).decode();
			byte[] signature = derSignature ? ECDSA.transcodeSignatureToDER(raw) : raw;
			return signingInput + "." + Base64.getUrlEncoder().encodeToString(signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, Object> header(String kid, Consumer<Map<String, Object>> edit) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("typ", "JWT");
		header.put("kid", kid);
		header.put("alg", "ES256");
		header.put("iss", "https://idp.example.com");
		header.put("client", "app-client");
		header.put("signer", SIGNER);
		header.put("exp", Instant.now().plusSeconds(120).getEpochSecond());
		edit.accept(header);
		return header;
	}

	static Map<String, Object> claims(Consumer<Map<String, Object>> edit) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "9f3c-alice");
		claims.put("email_verified", "true");
		claims.put("email", "alice@example.com");
		claims.put("username", "alice");
		claims.put("exp", Instant.now().plusSeconds(120).getEpochSecond());
		claims.put("iss", "https://idp.example.com");
		edit.accept(claims);
		return claims;
	}

	public static String pem(ECKey key) {
		try {
			return "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(key.toECPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String json(Map<String, Object> map) {
		return JSONObjectUtils.toJSONString(map);
	}

	public static String b64(String value) {
		return Encoding.base64UrlPadded(value);
	}

}
