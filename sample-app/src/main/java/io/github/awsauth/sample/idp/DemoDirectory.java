package io.github.awsauth.sample.idp;

import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users and clients. A role becomes a Cognito group: {@code alice} is in group
 * {@code admin}, {@code bob} in none.
 */
@Configuration(proxyBeanMethods = false)
class DemoDirectory {

	static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

	@Bean
	UserDetailsService demoUsers() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-password").roles("admin").build(),
				User.withUsername("bob").password("{noop}bob-password").roles().build());
	}

	@Bean
	RegisteredClientRepository demoClients(@Value("${sample.app-base-url}") String appBaseUrl) {
		TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(60)).build();
		RegisteredClient web = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("demo-cli")
			.clientSecret("{noop}demo-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.authorizationGrantType(PASSWORD)
			.redirectUri(appBaseUrl + "/login/oauth2/code/local")
			.postLogoutRedirectUri(appBaseUrl + "/")
			.scope("openid")
			.scope("profile")
			.scope("email")
			.scope("orders.read")
			.scope("orders.write")
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(tokens)
			.build();
		RegisteredClient machine = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId("orders-machine")
			.clientSecret("{noop}orders-machine-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("orders.read")
			.scope("orders.write")
			.tokenSettings(tokens)
			.build();
		return new InMemoryRegisteredClientRepository(web, machine);
	}

}
