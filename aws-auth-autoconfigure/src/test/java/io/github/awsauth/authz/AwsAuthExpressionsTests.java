package io.github.awsauth.authz;

import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsAuthenticationToken;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.ClaimAuthorities;
import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code awsAuth} helpers read the caller the same way whatever authenticated it.
 */
class AwsAuthExpressionsTests {

	private final AwsAuthExpressions awsAuth = new AwsAuthExpressions(
			new ClaimAuthorities("cognito:groups", "GROUP_", "SCOPE_"));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void groupsAndScopesFollowTheConfiguredPrefixes() {
		signIn(Mechanism.JWT, "GROUP_admin", "SCOPE_orders.read");
		assertThat(this.awsAuth.hasGroup("admin")).isTrue();
		assertThat(this.awsAuth.hasGroup("ops")).isFalse();
		assertThat(this.awsAuth.hasScope("orders.read")).isTrue();
		assertThat(this.awsAuth.hasScope("orders.write")).isFalse();
	}

	@Test
	void mechanismAndAttributesAreTheVerifiedOnes() {
		signIn(Mechanism.INSTANCE_IDENTITY, "ROLE_ec2");
		assertThat(this.awsAuth.mechanism("iam", "instance-identity")).isTrue();
		assertThat(this.awsAuth.mechanism("jwt")).isFalse();
		assertThat(this.awsAuth.attribute("region")).isEqualTo("eu-west-1");
		assertThat(this.awsAuth.attribute("missing")).isNull();
	}

	@Test
	void anonymousCallerHasNothing() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("GROUP_admin")));
		assertThat(this.awsAuth.hasGroup("admin")).isFalse();
		assertThat(this.awsAuth.mechanism("jwt")).isFalse();
		assertThat(this.awsAuth.attribute("region")).isNull();
		assertThat(this.awsAuth.isOwner("anonymous")).isFalse();
	}

	private static void signIn(Mechanism mechanism, String... authorities) {
		AwsPrincipal principal = new AwsPrincipal("caller", mechanism, Map.of("region", "eu-west-1"),
				AuthorityUtils.createAuthorityList(authorities));
		SecurityContextHolder.getContext().setAuthentication(new AwsAuthenticationToken(principal, null));
		assertThat(List.of(authorities)).isNotEmpty();
	}

}
