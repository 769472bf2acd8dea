package io.github.awsauth.alb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsAuthenticationMechanism;
import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.Mechanism;
import io.github.awsauth.core.UnverifiedCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Users an Application Load Balancer authenticated ({@code authenticate-oidc} or
 * {@code authenticate-cognito}): the signed {@code x-amzn-oidc-data} header, verified by
 * {@link AlbTokenVerifier}, becomes an {@link AwsPrincipal} named by {@code sub} with the user
 * claims as attributes. Optionally the {@code x-amzn-oidc-accesstoken} header is verified as a
 * bearer JWT too, for the groups and scopes ALB's user claims lack.
 */
public final class AlbAuthenticationMechanism implements AwsAuthenticationMechanism {

	private final AlbTokenVerifier verifier;

	private final ClaimAuthorities authorities;

	private final String dataHeader;

	private final String accessTokenHeader;

	private final @Nullable Function<String, Map<String, Object>> accessTokens;

	/**
	 * Create the mechanism.
	 * @param verifier verifies the data header
	 * @param authorities maps claims to authorities
	 * @param dataHeader the name of the data header
	 * @param accessTokenHeader the name of the access token header
	 * @param accessTokens verifies an access token and returns its claims (throwing an
	 * {@code AuthenticationException} when it is invalid), or {@code null} to ignore access tokens
	 */
	public AlbAuthenticationMechanism(AlbTokenVerifier verifier, ClaimAuthorities authorities, String dataHeader,
			String accessTokenHeader, @Nullable Function<String, Map<String, Object>> accessTokens) {
		this.verifier = verifier;
		this.authorities = authorities;
		this.dataHeader = dataHeader;
		this.accessTokenHeader = accessTokenHeader;
		this.accessTokens = accessTokens;
	}

	@Override
	public Mechanism mechanism() {
		return Mechanism.ALB;
	}

	@Override
	public List<String> credentialHeaders() {
		return List.of(this.dataHeader, this.accessTokenHeader);
	}

	/** The ALB adds its headers from its session cookie, to cross-site requests too. */
	@Override
	public boolean isAmbient() {
		return true;
	}

	@Override
	public boolean carriesCredential(HttpServletRequest request) {
		return request.getHeader(this.dataHeader) != null;
	}

	@Override
	public AuthenticationConverter converter() {
		return (request) -> {
			String data = request.getHeader(this.dataHeader);
			return (data != null)
					? new UnverifiedCredential(Mechanism.ALB, new AlbHeaders(data, request.getHeader(this.accessTokenHeader)))
					: null;
		};
	}

	@Override
	public AuthenticationProvider provider() {
		return UnverifiedCredential.provider(Mechanism.ALB, AlbHeaders.class, this::authenticate);
	}

	@Override
	public String challenge() {
		return "ALB";
	}

	private AwsAuthenticationToken authenticate(AlbHeaders headers) {
		Map<String, Object> claims = this.verifier.verify(headers.data());
		if (!(claims.get("sub") instanceof String sub) || !StringUtils.hasText(sub)) {
			throw AwsAuthenticationException.invalid("Invalid ALB token: it names no subject");
		}
		Set<GrantedAuthority> granted = new LinkedHashSet<>(this.authorities.authorities(claims));
		if (this.accessTokens != null) {
			if (headers.accessToken() == null) {
				throw AwsAuthenticationException.invalid("Invalid ALB request: the access token is missing");
			}
			Map<String, Object> access = this.accessTokens.apply(headers.accessToken());
			if (!sub.equals(access.get("sub"))) {
				throw AwsAuthenticationException.invalid("Invalid ALB request: the access token is another user's");
			}
			granted.addAll(this.authorities.authorities(access));
		}
		AwsPrincipal principal = new AwsPrincipal(sub, Mechanism.ALB, claims, new ArrayList<>(granted));
		return new AwsAuthenticationToken(principal, null);
	}

	/** The ALB headers of a request, not yet verified. */
	private record AlbHeaders(String data, @Nullable String accessToken) {

	}

}
