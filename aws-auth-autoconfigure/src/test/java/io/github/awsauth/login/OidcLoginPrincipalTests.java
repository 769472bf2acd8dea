package io.github.awsauth.login;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

import static org.assertj.core.api.Assertions.assertThat;

class OidcLoginPrincipalTests {

	@Test
	void signedInUserSurvivesSerializationSoSessionsCanBeShared() throws Exception {
		Instant now = Instant.parse("2026-11-24T12:00:00Z");
		Map<String, Object> claims = Map.of("sub", "u-1", "cognito:username", "alice", "cognito:groups",
				List.of("admin"), "iat", now, "exp", now.plusSeconds(300));
		OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), claims);
		OidcLoginPrincipal principal = new OidcLoginPrincipal("alice", claims,
				AuthorityUtils.createAuthorityList("ROLE_admin"), idToken, null);
		OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "cognito");

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(login);
		}
		OAuth2AuthenticationToken restored;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			restored = (OAuth2AuthenticationToken) in.readObject();
		}

		assertThat(restored.getPrincipal()).isInstanceOf(AwsPrincipal.class);
		AwsPrincipal user = (AwsPrincipal) restored.getPrincipal();
		assertThat(user.getName()).isEqualTo("alice");
		assertThat(user.mechanism()).isEqualTo(Mechanism.LOGIN);
		assertThat(user.attributes()).containsEntry("cognito:groups", List.of("admin"));
		assertThat(restored.getAuthorities()).extracting("authority").containsExactly("ROLE_admin");
		assertThat(((OidcLoginPrincipal) user).getIdToken().getTokenValue()).isEqualTo("id-token");
	}

}
