package io.github.awsauth.core;

import java.io.Serial;
import java.util.List;
import java.util.function.Function;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * A credential a mechanism's converter found on a request, not yet verified: what passes from the
 * converter to the provider of an {@link AwsAuthenticationMechanism}.
 */
public final class UnverifiedCredential extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Mechanism mechanism;

	private final transient Object credential;

	/**
	 * Wrap a credential.
	 * @param mechanism the mechanism that found it
	 * @param credential what the mechanism will verify
	 */
	public UnverifiedCredential(Mechanism mechanism, Object credential) {
		super(List.of());
		this.mechanism = mechanism;
		this.credential = credential;
	}

	/**
	 * What stands for a credential a mechanism found but could not read, in a failure event.
	 * @param mechanism the mechanism
	 * @return a credential that holds nothing
	 */
	public static UnverifiedCredential unread(Mechanism mechanism) {
		return new UnverifiedCredential(mechanism, "");
	}

	/**
	 * A provider that verifies the credentials one mechanism found.
	 * @param <T> the type of the credential
	 * @param mechanism the mechanism
	 * @param type the type of the credential
	 * @param verify verifies a credential, or throws an {@link AwsAuthenticationException}
	 * @return the provider
	 */
	public static <T> AuthenticationProvider provider(Mechanism mechanism, Class<T> type,
			Function<T, AwsAuthenticationToken> verify) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				UnverifiedCredential unverified = (UnverifiedCredential) authentication;
				if (unverified.mechanism != mechanism || !type.isInstance(unverified.credential)) {
					return null;
				}
				return verify.apply(type.cast(unverified.credential));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UnverifiedCredential.class.isAssignableFrom(authentication);
			}

		};
	}

	/**
	 * The mechanism that found the credential.
	 * @return the mechanism
	 */
	public Mechanism mechanism() {
		return this.mechanism;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return "";
	}

}
