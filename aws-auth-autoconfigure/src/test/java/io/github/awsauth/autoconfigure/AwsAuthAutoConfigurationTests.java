package io.github.awsauth.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.awsauth.alb.AlbAuthenticationMechanism;
import io.github.awsauth.authz.RouteRules;
import io.github.awsauth.core.CryptoProvider;
import io.github.awsauth.jwt.AwsJwtAuthenticationConverter;
import io.github.awsauth.jwt.BoundedBearerTokenResolver;
import io.github.awsauth.jwt.TrustedIssuer;
import io.github.awsauth.sigv4.SigV4AuthenticationMechanism;
import io.github.awsauth.sigv4.SigV4CredentialsStore;
import io.github.awsauth.web.AwsAuthConfigurer;
import io.github.awsauth.web.FastHeaderCheckFirewall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class AwsAuthAutoConfigurationTests {

	private static final String POOL = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				OAuth2ResourceServerAutoConfiguration.class));

	@Test
	void providesTheFilterChainTrustedIssuersAndRouteRules() {
		this.runner.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL,
				"aws.auth.jwt.issuers[0].audiences=app-client")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SecurityFilterChain.class);
				assertThat(context).hasBean("awsAuthSecurityFilterChain");
				assertThat(context).hasBean("awsJwtDecoder");
				assertThat(context).hasSingleBean(AwsJwtAuthenticationConverter.class);
				assertThat(context).hasSingleBean(BoundedBearerTokenResolver.class);
				assertThat(context).hasSingleBean(RouteRules.class);
				assertThat(context).hasBean("preAuthorizeAuthorizationMethodInterceptor");
				assertThat(context).doesNotHaveBean(UserDetailsService.class);
			});
	}

	@Test
	void rejectsTokensOfUnconfiguredIssuers() {
		this.runner.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL,
				"aws.auth.jwt.issuers[0].audiences=app-client")
			.run((context) -> {
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				String token = new io.github.awsauth.jwt.TestTokens("https://evil.example.com")
					.sign((claims) -> claims.issuer("https://evil.example.com"));
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token))
					.withMessage("Token issuer is not trusted");
			});
	}

	@Test
	void cognitoShortcutAddsTheUserPoolIssuer() {
		this.runner.withPropertyValues("aws.auth.cognito.user-pool-id=eu-west-1_AbCdEfGhI",
				"aws.auth.cognito.client-id=app-client")
			.run((context) -> {
				List<TrustedIssuer> issuers = context.getBean(TrustedIssuers.class).list();
				assertThat(issuers).singleElement().satisfies((issuer) -> {
					assertThat(issuer.issuerUri()).isEqualTo(POOL);
					assertThat(issuer.jwkSetUri()).hasToString(POOL + "/.well-known/jwks.json");
					assertThat(issuer.audiences()).containsExactly("app-client");
					assertThat(issuer.cognito()).isTrue();
				});
			});
	}

	@Test
	void cognitoIsDetectedFromTheIssuerHostAndOtherIssuersUseDiscovery() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL, "aws.auth.jwt.issuers[0].audiences=a",
					"aws.auth.jwt.issuers[1].issuer-uri=https://accounts.google.com",
					"aws.auth.jwt.issuers[1].audiences=b")
			.run((context) -> {
				List<TrustedIssuer> issuers = context.getBean(TrustedIssuers.class).list();
				assertThat(issuers.get(0).cognito()).isTrue();
				assertThat(issuers.get(0).jwkSetUri()).hasToString(POOL + "/.well-known/jwks.json");
				assertThat(issuers.get(1).cognito()).isFalse();
				assertThat(issuers.get(1).jwkSetUri()).isNull();
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAFilterChain() {
		this.runner.withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecurityFilterChain.class);
			assertThat(context).hasBean("ownChain");
			assertThat(context).doesNotHaveBean("awsAuthSecurityFilterChain");
		});
	}

	@Test
	void usesTheApplicationsJwtDecoderAndStillMapsPrincipals() {
		this.runner.withUserConfiguration(OwnDecoder.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("awsJwtDecoder");
			assertThat(context).hasSingleBean(AwsJwtAuthenticationConverter.class);
			assertThat(context).hasBean("awsAuthSecurityFilterChain");
		});
	}

	@Test
	void routeRulesAndResolverAreConditionalOnMissingBean() {
		this.runner.withUserConfiguration(OwnRules.class).run((context) -> {
			assertThat(context).getBean(RouteRules.class).isSameAs(context.getBean("ownRules"));
		});
	}

	@Test
	void bindsIssuerProperties() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=https://idp.example.com",
					"aws.auth.jwt.issuers[0].audiences=a,b", "aws.auth.jwt.issuers[0].token-use=any",
					"aws.auth.jwt.clock-skew=2m", "aws.auth.jwt.groups-claim=groups")
			.run((context) -> {
				AwsAuthProperties properties = context.getBean(AwsAuthProperties.class);
				assertThat(properties.getJwt().getIssuers().get(0).getAudiences()).containsExactly("a", "b");
				assertThat(properties.getJwt().getIssuers().get(0).getTokenUse().name()).isEqualTo("ANY");
				assertThat(properties.getJwt().getClockSkew()).hasMinutes(2);
				assertThat(properties.getJwt().getGroupsClaim()).isEqualTo("groups");
			});
	}

	@Test
	void correttoVerifiesWhenItIsOnTheClassPathAndJdkOnRequest() {
		this.runner.run((context) -> assertThat(context.getBean(CryptoProvider.class).name())
			.startsWith("AmazonCorrettoCryptoProvider"));
		this.runner.withPropertyValues("aws.auth.crypto.provider=jdk")
			.run((context) -> assertThat(context.getBean(CryptoProvider.class)).isSameAs(CryptoProvider.jdk()));
		this.runner.withClassLoader(new FilteredClassLoader("com.amazon.corretto"))
			.run((context) -> assertThat(context.getBean(CryptoProvider.class)).isSameAs(CryptoProvider.jdk()));
	}

	@Test
	void correttoRequiredButMissingFailsNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("com.amazon.corretto"))
			.withPropertyValues("aws.auth.crypto.provider=accp")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("aws.auth.crypto.provider")
					.contains("is not on the class path");
				assertThat(analysis.getAction()).contains("AmazonCorrettoCryptoProvider").contains("auto or jdk");
			});
	}

	@Test
	void strictFirewallWithFastHeaderChecksUnlessTheApplicationHasItsOwn() {
		this.runner.run((context) -> assertThat(context.getBean(HttpFirewall.class))
			.isInstanceOf(FastHeaderCheckFirewall.class));
		StrictHttpFirewall own = new StrictHttpFirewall();
		this.runner.withBean(HttpFirewall.class, () -> own)
			.run((context) -> assertThat(context.getBean(HttpFirewall.class))
				.isSameAs(own));
	}

	@Test
	void applicationsCryptoProviderIsUsed() {
		CryptoProvider own = CryptoProvider.of(new java.security.Provider("Own", "1", "the application's") {
		});
		this.runner.withBean(CryptoProvider.class, () -> own)
			.run((context) -> assertThat(context.getBean(CryptoProvider.class)).isSameAs(own));
	}

	@Test
	void issuerWithoutUriFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.jwt.issuers[0].audiences=app-client")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.jwt.issuers[0].issuer-uri"));
	}

	@Test
	void issuerWithoutAudiencesFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL)
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("aws.auth.jwt.issuers[0].audiences");
				assertThat(analysis.getAction()).contains("app client ids");
			});
	}

	@Test
	void plainHttpIssuerOutsideLoopbackFails() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=http://idp.example.com",
					"aws.auth.jwt.issuers[0].audiences=a")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.jwt.issuers[0].issuer-uri", "https"));
	}

	@Test
	void duplicateIssuerFails() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL, "aws.auth.jwt.issuers[0].audiences=a",
					"aws.auth.cognito.user-pool-id=eu-west-1_AbCdEfGhI", "aws.auth.cognito.client-id=b")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.cognito.user-pool-id", "configured twice"));
	}

	@Test
	void malformedUserPoolIdAndMismatchedRegionFail() {
		this.runner.withPropertyValues("aws.auth.cognito.user-pool-id=AbCdEfGhI", "aws.auth.cognito.client-id=b")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.cognito.user-pool-id"));
		this.runner
			.withPropertyValues("aws.auth.cognito.user-pool-id=eu-west-1_AbCdEfGhI", "aws.auth.cognito.client-id=b",
					"aws.auth.cognito.region=us-east-1")
			.run((context) -> assertThat(analysis(context).getAction()).contains("eu-west-1"));
	}

	@Test
	void routeWithoutPatternFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.authorization.routes[0].any-of=ROLE_admin")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.authorization.routes[0].pattern"));
	}

	@Test
	void unknownTokenUseFailsNamingThePropertyAndTheValidValues() {
		this.runner
			.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL, "aws.auth.jwt.issuers[0].audiences=a",
					"aws.auth.jwt.issuers[0].token-use=refresh")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isNotNull();
				assertThat(bootAnalysis(context).getDescription()).contains("aws.auth.jwt.issuers[0].token-use");
				assertThat(bootAnalysis(context).getAction()).contains("ACCESS", "ID", "ANY");
			});
	}

	@Test
	void malformedDurationFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.jwt.clock-skew=soon")
			.run((context) -> assertThat(bootAnalysis(context).getDescription()).contains("aws.auth.jwt.clock-skew"));
	}

	@Test
	void sigV4WithoutKeysFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
					"aws.auth.sigv4.region=eu-west-1")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.sigv4.keys"));
	}

	@Test
	void sigV4KeyWithoutSecretFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
					"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.keys[0].access-key-id=AKID",
					"aws.auth.sigv4.keys[0].principal=p")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.sigv4.keys[0].secret-access-key"));
	}

	@Test
	void sigV4WithANegativeBodyLimitFailsNamingThePropertyAndZeroIsALimit() {
		this.runner
			.withPropertyValues("aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
					"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.keys[0].access-key-id=AKID",
					"aws.auth.sigv4.keys[0].secret-access-key=secret", "aws.auth.sigv4.keys[0].principal=p",
					"aws.auth.sigv4.max-body-size=-1B")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.sigv4.max-body-size"));
		this.runner
			.withPropertyValues("aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
					"aws.auth.sigv4.region=eu-west-1", "aws.auth.sigv4.keys[0].access-key-id=AKID",
					"aws.auth.sigv4.keys[0].secret-access-key=secret", "aws.auth.sigv4.keys[0].principal=p",
					"aws.auth.sigv4.max-body-size=0B")
			.run((context) -> assertThat(context).hasSingleBean(SigV4AuthenticationMechanism.class));
	}

	@Test
	void sigV4IsOffUnlessEnabledAndUsesTheApplicationsKeyStore() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(SigV4AuthenticationMechanism.class));
		this.runner.withUserConfiguration(OwnKeyStore.class)
			.withPropertyValues("aws.auth.sigv4.enabled=true", "aws.auth.sigv4.service=execute-api",
					"aws.auth.sigv4.region=eu-west-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SigV4AuthenticationMechanism.class);
				assertThat(context).getBean(SigV4CredentialsStore.class).isSameAs(context.getBean("ownKeyStore"));
			});
	}

	@Test
	void iamWithoutAllowlistFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.iam.enabled=true", "aws.auth.iam.server-id=orders-api",
					"aws.auth.iam.sts-endpoint=https://sts.eu-west-1.amazonaws.com")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.iam.principals"));
	}

	@Test
	void iamWithAnEndpointThatIsNotStsFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.iam.enabled=true", "aws.auth.iam.server-id=orders-api",
					"aws.auth.iam.sts-endpoint=http://sts.example.com")
			.withInitializer(property("aws.auth.iam.principals[arn:aws:iam::123456789012:role/x]", "ROLE_x"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.iam.sts-endpoint"));
	}

	@Test
	void iamWithAnStsEndpointWithAPathFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.iam.enabled=true", "aws.auth.iam.server-id=orders-api",
					"aws.auth.iam.sts-endpoint=https://sts.eu-west-1.amazonaws.com/other")
			.withInitializer(property("aws.auth.iam.principals[arn:aws:iam::123456789012:role/x]", "ROLE_x"))
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.iam.sts-endpoint"));
	}

	@Test
	void iamPatternWithAWildcardAccountFailsNamingTheKey() {
		this.runner
			.withPropertyValues("aws.auth.iam.enabled=true", "aws.auth.iam.server-id=orders-api",
					"aws.auth.iam.sts-endpoint=https://sts.eu-west-1.amazonaws.com")
			.withInitializer(property("aws.auth.iam.principals[arn:aws:iam::*:role/x]", "ROLE_x"))
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.iam.principals[arn:aws:iam::*:role/x]", "12 digits"));
	}

	@Test
	void iamPatternKeyWrittenWithoutBracketsFailsShowingTheBracketForm() {
		this.runner.withInitializer(yaml("config-samples/principals-without-brackets.yml")).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains("aws.auth.iam.principals[arnawsiam");
			assertThat(analysis.getAction()).contains("\"[arn:aws:iam::123456789012:role/worker-*]\"");
		});
	}

	@Test
	void iamPatternKeyWrittenInBracketsStarts() {
		this.runner.withInitializer(yaml("config-samples/principals-with-brackets.yml"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void lowerCaseRouteMethodIsTheStandardMethod() {
		this.runner.withPropertyValues("aws.auth.authorization.routes[0].pattern=/api/**",
				"aws.auth.authorization.routes[0].methods=post").run((context) -> assertThat(context).hasNotFailed());
		assertThat(RouteRules.standardMethod(HttpMethod.valueOf("post"))).isSameAs(HttpMethod.POST);
	}

	@Test
	void nonStandardRouteMethodFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.authorization.routes[0].pattern=/api/**",
					"aws.auth.authorization.routes[0].methods=GET,FETCH")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.authorization.routes[0].methods[1]", "'FETCH'"));
	}

	@Test
	void unknownPropertiesFailNamingEachKey() {
		this.runner
			.withPropertyValues("aws.auth.authorisation.public-paths=/x", "aws.auth.jwt.isuers[0].issuer-uri=" + POOL,
					"aws.auth.authorization.routes[0].pattern=/admin/**",
					"aws.auth.authorization.routes[0].any-off=ROLE_admin")
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"aws.auth.authorisation.public-paths", "aws.auth.jwt.isuers[0].issuer-uri",
					"aws.auth.authorization.routes[0].any-off"));
	}

	@Test
	void environmentVariablesNamedLikeTheStarterAreNotChecked() {
		this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("AWS_AUTH_SCHEME_PREFERENCE", "sigv4a"))))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void albWithoutSignerArnsFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.alb.enabled=true", "aws.auth.alb.region=eu-west-1")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.alb.signer-arns"));
	}

	@Test
	void albIsOffUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(AlbAuthenticationMechanism.class));
	}

	@Test
	void loginWithoutAnyProviderFailsNamingTheProperty() {
		this.runner.withPropertyValues("aws.auth.login.enabled=true")
			.run((context) -> assertThat(analysis(context).getDescription()).contains("aws.auth.login.enabled"));
	}

	@Test
	void corsSourceOnlyWithOriginsAndNotBesideTheApplicationsOwn() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("awsAuthCorsConfigurationSource"));
		this.runner.withPropertyValues("aws.auth.cors.allowed-origins=https://app.example.com")
			.run((context) -> assertThat(context).hasBean("awsAuthCorsConfigurationSource"));
		this.runner.withPropertyValues("aws.auth.cors.allowed-origins=https://app.example.com")
			.withBean("corsConfigurationSource", CorsConfigurationSource.class,
					() -> (request) -> new CorsConfiguration())
			.run((context) -> assertThat(context).doesNotHaveBean("awsAuthCorsConfigurationSource"));
	}

	@Test
	void corsWildcardOriginWithCredentialsFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("aws.auth.cors.allowed-origins=https://a.example.com,*",
					"aws.auth.cors.allow-credentials=true")
			.run((context) -> assertThat(analysis(context).getDescription())
				.contains("aws.auth.cors.allowed-origins[1]"));
	}

	@Test
	void startWithoutAnyMechanismLogsAWarning(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).contains("aws-auth: no authentication mechanism is configured");
	}

	@Test
	void startWithAnIssuerLogsNoWarning(CapturedOutput output) {
		this.runner.withPropertyValues("aws.auth.jwt.issuers[0].issuer-uri=" + POOL,
				"aws.auth.jwt.issuers[0].audiences=app-client")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).doesNotContain("no authentication mechanism is configured");
	}

	@Test
	void withoutATrustedIssuerThereIsNoJwtDecoder() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(JwtDecoder.class));
		this.runner.withPropertyValues("aws.auth.cognito.user-pool-id=eu-west-1_AbCdEfGhI",
				"aws.auth.cognito.client-id=app-client")
			.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class));
	}

	@Test
	void failureAnalyzerIsRegistered() {
		assertThat(failureAnalyzers()).hasAtLeastOneElementOfType(AwsAuthConfigurationFailureAnalyzer.class);
	}

	/** A property whose name has ':' (which withPropertyValues would split at). */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> property(String name, String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-" + name, Map.of(name, value)));
	}

	private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String resource) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))
					.forEach(context.getEnvironment().getPropertySources()::addFirst);
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	private static FailureAnalysis analysis(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new AwsAuthConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("an AwsAuthConfigurationException explains the failure").isNotNull();
		return analysis;
	}

	/** What Boot prints for the failure, whichever registered analyzer explains it. */
	private static FailureAnalysis bootAnalysis(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		for (FailureAnalyzer analyzer : failureAnalyzers()) {
			FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("no failure analyzer explains " + context.getStartupFailure());
	}

	/** The registered analyzers that need no constructor arguments, as Boot loads them. */
	private static List<FailureAnalyzer> failureAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
					}));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
			http.with(AwsAuthConfigurer.awsAuth(), Customizer.withDefaults());
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		@Bean
		JwtDecoder ownDecoder() {
			return (token) -> {
				throw new org.springframework.security.oauth2.jwt.BadJwtException("not used");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnKeyStore {

		@Bean
		SigV4CredentialsStore ownKeyStore() {
			return (accessKeyId) -> null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRules {

		@Bean
		RouteRules ownRules() {
			return new RouteRules(new io.github.awsauth.authz.AuthorizationProperties());
		}

	}

}
