package io.github.awsauth.jwt;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.JWTProcessor;
import org.jspecify.annotations.Nullable;

/**
 * Hands a parsed token to the processor of the issuer its {@code iss} names. A token of any
 * other issuer is rejected here, before any key is looked up, so it causes no network call. The
 * token is parsed once: Nimbus keeps the parsed claims in the {@link SignedJWT}.
 */
final class IssuerRoutingJwtProcessor implements JWTProcessor<SecurityContext> {

	static final String UNSIGNED = "Unsigned or encrypted tokens are not accepted";

	private final Map<String, JWTProcessor<SecurityContext>> processors;

	IssuerRoutingJwtProcessor(Map<String, JWTProcessor<SecurityContext>> processors) {
		this.processors = Map.copyOf(processors);
	}

	@Override
	public JWTClaimsSet process(String token, @Nullable SecurityContext context)
			throws ParseException, BadJOSEException, JOSEException {
		return process(SignedJWT.parse(token), context);
	}

	@Override
	public JWTClaimsSet process(JWT jwt, @Nullable SecurityContext context)
			throws BadJOSEException, JOSEException {
		if (!(jwt instanceof SignedJWT signed)) {
			throw new BadJOSEException(UNSIGNED);
		}
		return process(signed, context);
	}

	private JWTProcessor<SecurityContext> processorOf(SignedJWT jwt) throws BadJOSEException {
		String issuer;
		try {
			issuer = jwt.getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			throw new BadJOSEException("Malformed claims", ex);
		}
		JWTProcessor<SecurityContext> processor = (issuer != null) ? this.processors.get(issuer) : null;
		if (processor == null) {
			throw new UntrustedIssuerException();
		}
		return processor;
	}

	@Override
	public JWTClaimsSet process(PlainJWT jwt, @Nullable SecurityContext context)
			throws BadJOSEException {
		throw new BadJOSEException(UNSIGNED);
	}

	@Override
	public JWTClaimsSet process(SignedJWT jwt, @Nullable SecurityContext context)
			throws BadJOSEException, JOSEException {
		return processorOf(jwt).process(jwt, context);
	}

	@Override
	public JWTClaimsSet process(EncryptedJWT jwt, @Nullable SecurityContext context)
			throws BadJOSEException {
		throw new BadJOSEException(UNSIGNED);
	}

}
