package io.github.awsauth.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.JwtProperties;
import io.github.awsauth.jwt.TokenUse;
import io.github.awsauth.jwt.TrustedIssuer;
import io.github.awsauth.jwt.TrustedIssuersJwtDecoderFactory;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * The JWT side of {@code jwt-verify-comparison.sh}: makes a stream of Cognito-shaped access
 * tokens, and times the starter's bearer path over it, for {@code aws-jwt-verify} on Node to be
 * timed over the same stream.
 * <pre>
 * java -cp benchmarks.jar io.github.awsauth.benchmarks.JwtTokenStream generate DIR TOKENS
 * java -cp benchmarks.jar io.github.awsauth.benchmarks.JwtTokenStream verify DIR USES ROUNDS [jdk|accp|auto]
 * </pre>
 * {@code generate} writes {@code jwks.json} and {@code tokens.txt} (one token a line, RS256,
 * 2048-bit key, valid for a day) into DIR. {@code verify} runs the stream ROUNDS times to warm up,
 * then ROUNDS times measured, each round with a new decoder (nothing remembered from the round
 * before): every token USES times, round-robin, as clients reuse tokens; it prints each measured
 * round's time and their median, in ms.
 */
public final class JwtTokenStream {

	static final String USER_POOL = "eu-west-1_Bench";

	static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/" + USER_POOL;

	static final String CLIENT_ID = "app-client";

	private JwtTokenStream() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 3 && args[0].equals("generate")) {
			generate(Path.of(args[1]), Integer.parseInt(args[2]));
		}
		else if (args.length >= 4 && args[0].equals("verify")) {
			CryptoProvider.Choice choice = CryptoProvider.Choice
				.valueOf(((args.length > 4) ? args[4] : "auto").toUpperCase(java.util.Locale.ROOT));
			verify(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), CryptoProvider.of(choice));
		}
		else {
			System.err.println("usage: JwtTokenStream generate DIR TOKENS | verify DIR USES ROUNDS [jdk|accp|auto]");
			System.exit(2);
		}
	}

	private static void generate(Path dir, int count) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
			.generate();
		Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
		Instant now = Instant.now();
		List<String> tokens = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
				.subject("user-" + i)
				.claim("token_use", "access")
				.claim("client_id", CLIENT_ID)
				.claim("username", "user-" + i)
				.claim("cognito:groups", List.of("readers"))
				.claim("scope", "orders.read")
				.jwtID("jti-" + i)
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(24 * 3600)))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
			jwt.sign(new RSASSASigner(key));
			tokens.add(jwt.serialize());
		}
		Files.write(dir.resolve("tokens.txt"), tokens);
	}

	private static void verify(Path dir, int uses, int rounds, CryptoProvider crypto) throws Exception {
		String jwks = Files.readString(dir.resolve("jwks.json"));
		List<BearerTokenAuthenticationToken> tokens = Files.readAllLines(dir.resolve("tokens.txt"))
			.stream()
			.filter((line) -> !line.isBlank())
			.map(BearerTokenAuthenticationToken::new)
			.toList();
		double[] millis = new double[rounds];
		for (int round = -rounds; round < rounds; round++) {
			JwtAuthenticationProvider starter = starter(jwks, crypto);
			long start = System.nanoTime();
			for (int use = 0; use < uses; use++) {
				for (BearerTokenAuthenticationToken token : tokens) {
					if (!starter.authenticate(token).isAuthenticated()) {
						throw new IllegalStateException("a token did not validate");
					}
				}
			}
			if (round >= 0) {
				millis[round] = (System.nanoTime() - start) / 1e6;
				System.out.printf("round %d: %.1f ms%n", round + 1, millis[round]);
			}
		}
		Arrays.sort(millis);
		System.out.printf("median: %.1f ms (%d tokens x %d uses, %s)%n", millis[rounds / 2], tokens.size(), uses,
				crypto.name());
	}

	private static JwtAuthenticationProvider starter(String jwks, CryptoProvider crypto) {
		TrustedIssuer issuer = new TrustedIssuer(ISSUER, CognitoUserPool.jwkSetUri(ISSUER), Set.of(CLIENT_ID),
				TokenUse.ACCESS, true);
		TrustedIssuersJwtDecoderFactory factory = new TrustedIssuersJwtDecoderFactory(new JwtProperties(),
				(url) -> new Resource(jwks, "application/json"), Clock.systemUTC(), List.of(), List.of());
		factory.setCryptoProvider(crypto);
		JwtDecoder decoder = factory.create(List.of(issuer));
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(new AwsJwtAuthenticationConverter(
				new ClaimAuthorities("cognito:groups", "ROLE_", "SCOPE_"), null, Set.of(ISSUER)));
		return provider;
	}

}
