package io.github.awsauth.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.CognitoUserPool;
import io.github.awsauth.login.BrowserLogin;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Browser sign-in ({@code aws.auth.login.enabled}): the client registrations of
 * {@code spring.security.oauth2.client} plus the {@code aws.auth.cognito} shortcut (built without
 * any network call: Cognito's endpoints follow from the pool and its domain), and the parts
 * {@code AwsAuthConfigurer} installs with oauth2Login.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ ClientRegistrationRepository.class, OAuth2ClientProperties.class })
@ConditionalOnBooleanProperty("aws.auth.login.enabled")
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class LoginConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrationRepository clientRegistrationRepository(AwsAuthProperties properties,
			ObjectProvider<OAuth2ClientProperties> clientProperties) {
		List<ClientRegistration> registrations = new ArrayList<>();
		OAuth2ClientProperties client = clientProperties.getIfAvailable();
		if (client != null) {
			registrations.addAll(new OAuth2ClientPropertiesMapper(client).asClientRegistrations().values());
		}
		ClientRegistration cognito = cognitoRegistration(properties.getCognito());
		if (cognito != null) {
			registrations.add(cognito);
		}
		if (registrations.isEmpty()) {
			throw new AwsAuthConfigurationException("aws.auth.login.enabled", "browser sign-in has no identity provider",
					"Set aws.auth.cognito.domain (with user-pool-id and client-id), or configure "
							+ "spring.security.oauth2.client.registration.*, or set aws.auth.login.enabled=false.");
		}
		return new InMemoryClientRegistrationRepository(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	BrowserLogin awsBrowserLogin(ClientRegistrationRepository registrations, AwsAuthProperties properties,
			ClaimAuthorities authorities) {
		return new BrowserLogin(registrations, properties.getLogin(), authorities);
	}

	private static @Nullable ClientRegistration cognitoRegistration(CognitoProperties cognito) {
		if (!StringUtils.hasText(cognito.getDomain())) {
			return null;
		}
		String issuer = TrustedIssuers.cognitoIssuerUri(cognito);
		if (issuer == null) {
			throw new AwsAuthConfigurationException("aws.auth.cognito.user-pool-id",
					"aws.auth.cognito.domain is set but no user pool",
					"Set aws.auth.cognito.user-pool-id and aws.auth.cognito.client-id of the pool the domain belongs to.");
		}
		String domain = cognito.getDomain().endsWith("/")
				? cognito.getDomain().substring(0, cognito.getDomain().length() - 1) : cognito.getDomain();
		boolean confidential = StringUtils.hasText(cognito.getClientSecret());
		return ClientRegistration.withRegistrationId(BrowserLogin.COGNITO_REGISTRATION_ID)
			.clientName("Amazon Cognito")
			.clientId(cognito.getClientId())
			.clientSecret(confidential ? cognito.getClientSecret() : null)
			.clientAuthenticationMethod(confidential ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
					: ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "email", "profile")
			.authorizationUri(CognitoUserPool.authorizationEndpoint(domain))
			.tokenUri(CognitoUserPool.tokenEndpoint(domain))
			.userInfoUri(CognitoUserPool.userInfoEndpoint(domain))
			.userNameAttributeName("sub")
			.jwkSetUri(CognitoUserPool.jwkSetUri(issuer).toString())
			.issuerUri(issuer)
			.build();
	}

}
