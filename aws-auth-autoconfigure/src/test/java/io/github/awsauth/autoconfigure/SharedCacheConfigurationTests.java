package io.github.awsauth.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.RedisServer;
import io.github.awsauth.core.RedisSharedCache;
import io.github.awsauth.core.SharedCache;
import io.github.awsauth.core.UnverifiedCredential;
import io.github.awsauth.core.Upstreams;
import io.github.awsauth.iam.FakeSts;
import io.github.awsauth.iam.IamAuthenticationMechanism;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.Authentication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code aws.auth.cache.type: redis}: instances of a service, each its own application context,
 * share STS's answers through a real Redis, so STS is asked once per token; Redis holds no
 * credential; Redis down leaves each instance asking STS itself.
 */
class SharedCacheConfigurationTests {

	private static final FakeSts fakeSts = new FakeSts(Map.of("AKIDWORKER", "worker-secret"),
			Map.of("AKIDWORKER", "arn:aws:sts::123456789012:assumed-role/worker/i-1"));

	private static final WireMockServer sts = new WireMockServer(options().dynamicPort().extensions(fakeSts));

	private static final String SIGNING_KEY = "orders-instances-signing-key-0123456789";

	private static RedisServer redis;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				DataRedisAutoConfiguration.class, EndpointAutoConfiguration.class));

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		sts.start();
		sts.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeSts.NAME)));
	}

	@AfterAll
	static void stop() {
		sts.stop();
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void emptyRedisAndCountAgain() {
		LettuceConnectionFactory connection = redis.connectionFactory();
		try {
			connection.getConnection().serverCommands().flushAll();
		}
		finally {
			connection.destroy();
		}
		fakeSts.received.set(0);
	}

	@Test
	void twoInstancesAskStsOnceForATokenUsedOnBoth() {
		String token = token("orders-api");
		this.runner.withInitializer(instance("orders-api", redis.port())).run((first) -> {
			assertThat(first).getBean(SharedCache.class).isInstanceOf(RedisSharedCache.class);
			assertThat(authenticate(first, token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
			await().until(() -> storedKeys().size() == 1);
			this.runner.withInitializer(instance("orders-api", redis.port())).run((second) -> {
				assertThat(authenticate(second, token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
			});
		});
		assertThat(fakeSts.received).as("the second instance took the first one's answer").hasValue(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void callsToStsAndReadsOfTheSharedCacheAreCountedPerInstance() {
		String token = token("orders-api");
		SimpleMeterRegistry first = new SimpleMeterRegistry();
		SimpleMeterRegistry second = new SimpleMeterRegistry();
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withBean(MeterRegistry.class, () -> first)
			.run((context) -> {
				authenticate(context, token);
				await().until(() -> storedKeys().size() == 1);
				assertThat(count(first, UpstreamMetrics.CALLS, "upstream", "sts", "outcome", "success")).isEqualTo(1);
				assertThat(count(first, UpstreamMetrics.SHARED_CACHE, "result", "miss")).isEqualTo(1);
			});
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withBean(MeterRegistry.class, () -> second)
			.run((context) -> {
				authenticate(context, token);
				authenticate(context, token);
				Map<String, Object> cache = (Map<String, Object>) context.getBean(AwsAuthEndpoint.class).awsAuth()
					.get("cache");
				assertThat(cache).containsEntry("type", "redis")
					.containsEntry("keyPrefix", "aws-auth:")
					.containsEntry("hits", 1L)
					.containsEntry("misses", 0L);
				assertThat(cache.get("local")).isEqualTo(Map.of("iam.identities",
						Map.of("size", 1L, "hits", 1L, "misses", 1L, "hitRate", 0.5)));
				assertThat(second.get(UpstreamMetrics.CACHE_GETS).tags("cache", "iam.identities", "result", "hit")
					.functionCounter().count()).isEqualTo(1);
				assertThat(second.get(UpstreamMetrics.CACHE_SIZE).tags("cache", "iam.identities").gauge().value())
					.isEqualTo(1);
				// read while the context runs: a function counter holds what it reads weakly
				assertThat(count(second, UpstreamMetrics.CALLS, "upstream", "sts", "outcome", "success")).isZero();
				assertThat(count(second, UpstreamMetrics.SHARED_CACHE, "result", "hit")).isEqualTo(1);
				assertThat(count(second, UpstreamMetrics.CALLS, "upstream", "redis", "outcome", "success")).isPositive();
			});
	}

	private static double count(MeterRegistry registry, String name, String... tags) {
		return registry.get(name).tags(tags).functionCounter().count();
	}

	@Test
	void redisHoldsADigestAndTheAnswerNeverTheToken() {
		String token = token("orders-api");
		this.runner.withInitializer(instance("orders-api", redis.port())).run((context) -> {
			authenticate(context, token);
			await().until(() -> storedKeys().size() == 1);
		});
		String key = storedKeys().iterator().next();
		assertThat(key).matches("aws-auth:iam:[0-9a-f]{64}");
		String value = stored().opsForValue().get(key);
		assertThat(value).startsWith("arn:aws:sts::123456789012:assumed-role/worker/i-1\n123456789012\nAROAEXAMPLE:AKIDWORKER|");
		String presigned = token.substring(token.indexOf('.') + 1);
		assertThat(key + value).doesNotContain(presigned.substring(0, 40)).doesNotContain("worker-secret");
	}

	@Test
	void anAnswerSharedByAnotherServiceDoesNotAdmitItsTokenHere() {
		String forOrders = token("orders-api");
		this.runner.withInitializer(instance("orders-api", redis.port())).run((orders) -> {
			authenticate(orders, forOrders);
			await().until(() -> storedKeys().size() == 1);
		});
		this.runner.withInitializer(instance("billing-api", redis.port())).run((billing) -> {
			assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> authenticate(billing, forOrders))
				.withMessageContaining("STS refused the IAM token");
		});
		assertThat(fakeSts.received).as("billing asked STS itself, with its own server id").hasValue(2);
	}

	@Test
	void anIdentityPlantedInRedisWithoutTheSigningKeyIsNotTaken() {
		String token = token("orders-api");
		this.runner.withInitializer(instance("orders-api", redis.port())).run((context) -> {
			authenticate(context, token);
			await().until(() -> storedKeys().size() == 1);
		});
		String key = storedKeys().iterator().next();
		String genuine = stored().opsForValue().get(key);
		String planted = "arn:aws:sts::123456789012:assumed-role/admin/i-9\n123456789012\nAROAEXAMPLE:x"
				+ genuine.substring(genuine.indexOf('|'));
		stored().opsForValue().set(key, planted);
		this.runner.withInitializer(instance("orders-api", redis.port())).run((context) -> {
			assertThat(authenticate(context, token).getName())
				.as("the planted admin is ignored: STS is asked again")
				.isEqualTo("arn:aws:iam::123456789012:role/worker");
		});
		assertThat(fakeSts.received).hasValue(2);
	}

	@Test
	void redisWithoutASigningKeyFailsNamingTheProperty() {
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withPropertyValues("aws.auth.cache.redis.signing-key=tiny-key")
			.run((context) -> {
				AwsAuthConfigurationException failure = MachineMechanismsConfigurationTests.failure(context);
				assertThat(failure.getProperty()).isEqualTo("aws.auth.cache.redis.signing-key");
				assertThat(failure.getMessage()).contains("shorter than 32").doesNotContain("tiny-key");
			});
	}

	@Test
	void theTypeIsReadAsItBinds() {
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withPropertyValues("aws.auth.cache.type=RE_DIS")
			.run((context) -> assertThat(context).getBean(SharedCache.class).isInstanceOf(RedisSharedCache.class));
	}

	@Test
	void redisDownLeavesEachInstanceAskingStsItself() throws IOException {
		int nothingListens;
		try (ServerSocket socket = new ServerSocket(0)) {
			nothingListens = socket.getLocalPort();
		}
		String token = token("orders-api");
		this.runner.withInitializer(instance("orders-api", nothingListens)).run((context) -> {
			assertThat(authenticate(context, token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
			assertThat(authenticate(context, token).getName()).isEqualTo("arn:aws:iam::123456789012:role/worker");
			assertThat(context.getBean(Upstreams.class).statuses())
				.anySatisfy((status) -> {
					assertThat(status.name()).isEqualTo("redis");
					assertThat(status.lastFailure()).startsWith("Redis");
				});
		});
		assertThat(fakeSts.received).as("asked once, then the instance's own cache").hasValue(1);
	}

	@Test
	void localByDefault() {
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withPropertyValues("aws.auth.cache.type=local")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedCache.class));
	}

	@Test
	void redisWithoutARedisConnectionFailsNamingTheProperty() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class))
			.withPropertyValues("aws.auth.cache.type=redis")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.cache.type"));
	}

	@Test
	void redisWithoutSpringDataRedisFailsNamingTheProperty() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AwsAuthAutoConfiguration.class, SecurityAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
			.withPropertyValues("aws.auth.cache.type=redis")
			.run((context) -> {
				AwsAuthConfigurationException failure = MachineMechanismsConfigurationTests.failure(context);
				assertThat(failure.getProperty()).isEqualTo("aws.auth.cache.type");
				assertThat(failure.getAction()).contains("spring-boot-starter-data-redis");
			});
	}

	@Test
	void aTimeoutThatIsNotPositiveFailsNamingTheProperty() {
		this.runner.withInitializer(instance("orders-api", redis.port()))
			.withPropertyValues("aws.auth.cache.redis.timeout=0s")
			.run((context) -> assertThat(MachineMechanismsConfigurationTests.failure(context).getProperty())
				.isEqualTo("aws.auth.cache.redis.timeout"));
	}

	private static Authentication authenticate(AssertableWebApplicationContext context, String token) {
		IamAuthenticationMechanism mechanism = context.getBean(IamAuthenticationMechanism.class);
		return mechanism.provider().authenticate(new UnverifiedCredential(mechanism.mechanism(), token));
	}

	private static String token(String serverId) {
		return new IamTokenGenerator(
				StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWORKER", "worker-secret")),
				URI.create("http://localhost:" + sts.port()), "eu-west-1", serverId, IamTokenForm.EKS,
				Clock.systemUTC())
			.authorization();
	}

	/** One instance of a service: IAM through the fake STS, answers shared on the Redis at a port. */
	private static org.springframework.context.ApplicationContextInitializer<ConfigurableApplicationContext> instance(
			String serverId, int redisPort) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("aws.auth.cache.type", "redis");
		properties.put("aws.auth.cache.redis.signing-key", SIGNING_KEY);
		properties.put("management.endpoint.awsauth.access", "READ_ONLY");
		properties.put("management.endpoints.web.exposure.include", "awsauth");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", String.valueOf(redisPort));
		properties.put("aws.auth.iam.enabled", "true");
		properties.put("aws.auth.iam.server-id", serverId);
		properties.put("aws.auth.iam.sts-endpoint", "http://localhost:" + sts.port());
		properties.put("aws.auth.iam.principals[arn:aws:iam::123456789012:role/worker]", "ROLE_worker");
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("instance", properties));
	}

	private static Set<String> storedKeys() {
		return stored().keys("aws-auth:*");
	}

	private static StringRedisTemplate stored() {
		return new StringRedisTemplate(lookAt());
	}

	private static LettuceConnectionFactory lookAt;

	private static LettuceConnectionFactory lookAt() {
		if (lookAt == null) {
			lookAt = redis.connectionFactory();
		}
		return lookAt;
	}

}
