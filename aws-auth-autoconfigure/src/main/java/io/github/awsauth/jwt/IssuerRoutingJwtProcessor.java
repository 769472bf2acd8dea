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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Hands a parsed token to the processor of the issuer its {@code iss} names. A token of any
 * other issuer is rejected here, before any key is looked up, so it causes no network call. The
 * token is parsed once: Nimbus keeps the parsed claims in the {@link SignedJWT}.
 */
final class IssuerRoutingJwtProcessor implements JWTProcessor<SecurityContext> {

	private static final Log logger = LogFactory.getLog(IssuerRoutingJwtProcessor.class);

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
			if (logger.isDebugEnabled()) {
				logger.debug(untrusted(issuer));
			}
			throw new UntrustedIssuerException();
		}
		return processor;
	}

	/** What the log says of an untrusted issuer: its (printable, shortened) iss, never the token. */
	private String untrusted(@Nullable String issuer) {
		if (issuer == null) {
			return "Refused a token without iss; trusted issuers: " + this.processors.keySet();
		}
		String shown = issuer.replaceAll("[^\\x20-\\x7e]", "?");
		shown = (shown.length() > 200) ? shown.substring(0, 200) + "…" : shown;
		String other = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer + "/";
		String hint = this.processors.containsKey(other) ? " (it differs from a trusted issuer only by a trailing "
				+ "slash: issuer-uri must be the tokens' exact iss)" : "";
		return "Refused a token of issuer '" + shown + "'" + hint + "; trusted issuers: " + this.processors.keySet();
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
