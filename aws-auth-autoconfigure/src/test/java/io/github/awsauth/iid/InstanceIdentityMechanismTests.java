package io.github.awsauth.iid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.testapp.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import static io.github.awsauth.iid.IidFixtures.US_WEST_2;
import static io.github.awsauth.iid.IidFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is checked after the signature, on every request: account, region, age and the live check;
 * and that a repeated document is verified once.
 */
class InstanceIdentityMechanismTests {

	private static final InstanceIdentityKeys KEYS = InstanceIdentityKeys.bundled();

	/** The us-west-2 document's pendingTime. */
	private static final Instant STARTED = Instant.parse("2018-05-09T12:30:58Z");

	private final MutableClock clock = new MutableClock(STARTED.plus(Duration.ofHours(1)));

	@Test
	void allowedInstanceGetsItsAccountsAuthorities() {
		AwsPrincipal principal = authenticate(mechanism(Set.of(), null, null), US_WEST_2);
		assertThat(principal.getName()).isEqualTo("i-0a30e04d85e6f8793");
		assertThat(principal.authorities()).extracting(Object::toString).containsExactly("ROLE_ec2");
		assertThat(principal.attribute("accountId")).isEqualTo("692406183521");
		assertThat(principal.attribute("pendingTime")).isEqualTo("2018-05-09T12:30:58Z");
	}

	@Test
	void regionOutsideTheAllowlistIsRefused() {
		assertRefused(mechanism(Set.of("eu-west-1"), null, null), "region us-west-2");
		assertThat(authenticate(mechanism(Set.of("us-west-2"), null, null), US_WEST_2)).isNotNull();
	}

	@Test
	void documentOfAnInstanceStartedLongerAgoThanMaxAgeIsRefused() {
		InstanceIdentityAuthenticationMechanism mechanism = mechanism(Set.of(), Duration.ofHours(2), null);
		assertThat(authenticate(mechanism, US_WEST_2)).isNotNull();
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertRefused(mechanism, "max-age");
	}

	@Test
	void liveCheckRefusesAnInstanceThatDoesNotRun() {
		assertRefused(mechanism(Set.of(), null, (document) -> false), "not running");
	}

	@Test
	void repeatedDocumentIsVerifiedOnceAndNamesTheSamePrincipalButIsCheckedEveryTime() {
		AtomicInteger verifications = new AtomicInteger();
		AtomicInteger checks = new AtomicInteger();
		InstanceIdentityAuthenticationMechanism mechanism = new InstanceIdentityAuthenticationMechanism(
				new CountingVerifier(verifications), InstanceIdentityAuthenticationMechanism.accountAllowlist(Map.of("692406183521", List.of("ROLE_ec2"))), Set.of(), null,
				(document) -> checks.incrementAndGet() > 0, 16384, 100, this.clock);
		AwsPrincipal first = authenticate(mechanism, US_WEST_2);
		for (int i = 0; i < 2; i++) {
			assertThat(authenticate(mechanism, US_WEST_2)).isSameAs(first);
		}
		assertThat(verifications).hasValue(1);
		assertThat(checks).hasValue(3);
	}

	@Test
	void documentOfAnAccountNotAllowedIsNotRemembered() {
		AtomicInteger verifications = new AtomicInteger();
		InstanceIdentityAuthenticationMechanism mechanism = new InstanceIdentityAuthenticationMechanism(
				new CountingVerifier(verifications),
				InstanceIdentityAuthenticationMechanism.accountAllowlist(Map.of("123456789012", List.of("ROLE_ec2"))),
				Set.of(), null, null, 16384, 100, this.clock);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(AwsAuthenticationException.class)
				.isThrownBy(() -> authenticate(mechanism, US_WEST_2))
				.withMessageContaining("account 692406183521");
		}
		assertThat(verifications).hasValue(2);
	}

	private InstanceIdentityAuthenticationMechanism mechanism(Set<String> regions, Duration maxAge,
			InstanceLiveCheck liveCheck) {
		return new InstanceIdentityAuthenticationMechanism(new InstanceIdentityVerifier(KEYS, false),
				InstanceIdentityAuthenticationMechanism.accountAllowlist(Map.of("692406183521", List.of("ROLE_ec2"))), regions, maxAge, liveCheck, 16384, 100, this.clock);
	}

	private static AwsPrincipal authenticate(InstanceIdentityAuthenticationMechanism mechanism, String set) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.addHeader("Authorization", header(set, SignatureForm.RSA2048));
		assertThat(mechanism.carriesCredential(request)).isTrue();
		Authentication authenticated = mechanism.provider().authenticate(mechanism.converter().convert(request));
		return (AwsPrincipal) authenticated.getPrincipal();
	}

	private static void assertRefused(InstanceIdentityAuthenticationMechanism mechanism, String reason) {
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> authenticate(mechanism, US_WEST_2))
			.withMessageContaining(reason)
			.satisfies((ex) -> assertThat(ex.getStatus().value()).isEqualTo(401));
	}

	private static final class CountingVerifier extends InstanceIdentityVerifier {

		private final AtomicInteger count;

		CountingVerifier(AtomicInteger count) {
			super(KEYS, false);
			this.count = count;
		}

		@Override
		public VerifiedDocument verify(InstanceIdentityCredential credential) {
			this.count.incrementAndGet();
			return super.verify(credential);
		}

	}

}
