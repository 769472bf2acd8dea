package io.github.awsauth.sample;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.awsauth.core.RedisServer;
import io.github.awsauth.sample.api.ApiApplication;
import io.github.awsauth.test.TestSts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the sample with the {@code redis} profile, as behind a load balancer without
 * sticky sessions, sharing a real Redis: a user signed in on one is signed in on the other; an IAM
 * token used on both costs STS one call; with Redis down, machine credentials are still verified
 * on each instance (STS asked by each), and answered 200, not 5xx.
 */
class SampleOnSeveralInstancesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private static RedisServer redis;

	private static TestSts sts;

	private static SampleApplication.RunningSample first;

	private static ConfigurableApplicationContext second;

	private static final HttpClient machine = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		redis = RedisServer.start();
		sts = TestSts.start()
			.caller("AKIDWORKER", "worker-secret", "arn:aws:sts::123456789012:assumed-role/sample-worker/i-1")
			.caller("AKIDWORKER2", "worker2-secret", "arn:aws:sts::123456789012:assumed-role/sample-worker/i-2");
		String[] shared = { "--server.port=0", "--spring.data.redis.port=" + redis.port(), "--aws.auth.iam.enabled=true",
				"--aws.auth.iam.sts-endpoint=" + sts.endpoint() };
		first = SampleApplication.start(with(shared, "--sample.local-idp.port=0", "--spring.profiles.active=redis"));
		second = new SpringApplicationBuilder(ApiApplication.class)
			.run(with(shared, "--spring.profiles.active=redis,local-idp", "--sample.local-idp.issuer=" + url(first.idp())));
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		if (sts != null) {
			sts.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void aUserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpResponse<String> loginPage = browser.send(get(url(first.app()) + "/oauth2/authorization/local"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.uri().toString()).startsWith(url(first.idp()) + "/login");
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).as(loginPage.body()).isTrue();
		HttpResponse<String> home = browser.send(HttpRequest.newBuilder(loginPage.uri())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-password&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(home.uri().toString()).startsWith(url(first.app()));

		HttpResponse<String> onSecond = browser.send(get(url(second) + "/api/me"), HttpResponse.BodyHandlers.ofString());
		assertThat(onSecond.statusCode()).as(onSecond.body()).isEqualTo(200);
		assertThat(onSecond.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"login\"", "ROLE_admin");
		HttpResponse<String> onFirst = browser.send(get(url(first.app()) + "/api/me"), HttpResponse.BodyHandlers.ofString());
		assertThat(onFirst.body()).contains("\"name\":\"alice\"", "\"mechanism\":\"login\"");
	}

	@Test
	void anIamTokenUsedOnBothInstancesCostsStsOneCall() throws Exception {
		String token = sts.token("AKIDWORKER", "sample-api");
		int before = sts.calls();
		assertThat(machineCall(first.app(), token).statusCode()).isEqualTo(200);
		assertThat(machineCall(second, token).statusCode()).isEqualTo(200);
		assertThat(machineCall(second, token).statusCode()).isEqualTo(200);
		assertThat(sts.calls() - before).isEqualTo(1);
	}

	@Test
	void withRedisDownEachInstanceStillVerifiesMachines() throws Exception {
		String token = sts.token("AKIDWORKER2", "sample-api");
		int before = sts.calls();
		redis.stop();
		try {
			HttpResponse<String> onFirst = machineCall(first.app(), token);
			HttpResponse<String> onSecond = machineCall(second, token);
			assertThat(onFirst.statusCode()).as(onFirst.body()).isEqualTo(200);
			assertThat(onSecond.statusCode()).as(onSecond.body()).isEqualTo(200);
			assertThat(sts.calls() - before).as("each instance asked STS itself").isEqualTo(2);
			assertThat(machineCall(second, token).statusCode()).isEqualTo(200);
			assertThat(sts.calls() - before).as("then its own cache").isEqualTo(2);
		}
		finally {
			redis.restart();
		}
	}

	private static HttpResponse<String> machineCall(ConfigurableApplicationContext instance, String token)
			throws Exception {
		return machine.send(HttpRequest.newBuilder(URI.create(url(instance) + "/api/orders"))
			.header("Authorization", token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).build();
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static String[] with(String[] shared, String... more) {
		String[] all = new String[shared.length + more.length];
		System.arraycopy(shared, 0, all, 0, shared.length);
		System.arraycopy(more, 0, all, shared.length, more.length);
		return all;
	}

}
