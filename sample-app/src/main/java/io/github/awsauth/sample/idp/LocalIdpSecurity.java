package io.github.awsauth.sample.idp;

import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server's endpoints (OIDC, the demo password grant) and its sign-in form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class LocalIdpSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, UserDetailsService users,
			OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<?> tokens) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		PasswordGrantAuthenticationProvider passwordGrant = new PasswordGrantAuthenticationProvider(
				new ProviderManager(new DaoAuthenticationProvider(users)), authorizations, tokens);
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (authorizationServer) -> authorizationServer.authorizationService(authorizations)
				.tokenGenerator(tokens)
				.oidc(Customizer.withDefaults())
				.tokenEndpoint((token) -> token.accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
					.authenticationProvider(passwordGrant)))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new InMemoryOAuth2AuthorizationService();
	}

	@Bean
	JWKSource<SecurityContext> signingKeys() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> signingKeys) {
		JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(signingKeys));
		jwt.setJwtCustomizer(new CognitoShapedTokens());
		return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${sample.local-idp.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

}
