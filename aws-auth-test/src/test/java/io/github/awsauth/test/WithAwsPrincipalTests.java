package io.github.awsauth.test;

import io.github.awsauth.core.Mechanism;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @WithAwsPrincipal} in an application with its own mapping (groups from {@code groups},
 * scopes as {@code PERM_}): the caller is what the starter would have made of the credential.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WithAwsPrincipalTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithAwsPrincipal(name = "alice", groups = "admin", scopes = "orders.read", attributes = "email=alice@example.com")
	void aJwtUsersGroupsAndScopesAreMappedAsTheApplicationMapsThem() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.mechanism").value("jwt"))
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.contains("ROLE_admin", "PERM_orders.read")))
			.andExpect(jsonPath("$.attributes.groups[0]").value("admin"))
			.andExpect(jsonPath("$.attributes.email").value("alice@example.com"))
			.andExpect(jsonPath("$.attributes.token_use").value("access"));
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	@WithAwsPrincipal("bob")
	void aUserOutsideTheGroupIsDenied() throws Exception {
		this.mvc.perform(get("/admin")).andExpect(status().isForbidden());
	}

	@Test
	@WithAwsPrincipal(name = "alice", mechanism = Mechanism.LOGIN, groups = "admin")
	void aBrowserSignInIsAnOAuth2LoginOfTheStartersPrincipal() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(jsonPath("$.mechanism").value("login"))
			.andExpect(jsonPath("$.authentication").value("OAuth2AuthenticationToken"))
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.hasItems("ROLE_admin", "PERM_openid")));
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	@WithAwsPrincipal(name = "arn:aws:iam::123456789012:role/worker", mechanism = Mechanism.IAM,
			authorities = "ROLE_admin", attributes = "account=123456789012")
	void aMachineHasTheAuthoritiesOfItsAllowlistEntry() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(jsonPath("$.name").value("arn:aws:iam::123456789012:role/worker"))
			.andExpect(jsonPath("$.mechanism").value("iam"))
			.andExpect(jsonPath("$.authorities").value(org.hamcrest.Matchers.contains("ROLE_admin")))
			.andExpect(jsonPath("$.attributes.account").value("123456789012"));
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	void withoutItTheRequestHasNoCredential() throws Exception {
		this.mvc.perform(get("/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void groupsOnAMachineAreAMistakeNamedAsSuch() {
		WithAwsPrincipal machineWithGroups = Misuse.class.getAnnotation(WithAwsPrincipal.class);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WithAwsPrincipalSecurityContextFactory().createSecurityContext(machineWithGroups))
			.withMessageContaining("set authorities");
		WithAwsPrincipal badAttribute = BadAttribute.class.getAnnotation(WithAwsPrincipal.class);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WithAwsPrincipalSecurityContextFactory().createSecurityContext(badAttribute))
			.withMessageContaining("name=value");
	}

	@WithAwsPrincipal(name = "i-0123", mechanism = Mechanism.INSTANCE_IDENTITY, groups = "admin")
	static class Misuse {

	}

	@WithAwsPrincipal(name = "alice", attributes = "email")
	static class BadAttribute {

	}

}
