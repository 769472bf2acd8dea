package io.github.awsauth.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.awsauth.test.AwsAuthRequestPostProcessors.albUser;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.apiKey;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.clientCertificate;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.cognitoUser;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.ec2Instance;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.iamRole;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.signedInUser;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.sigv4Key;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The MockMvc post-processors: each mechanism's caller as the starter makes it, users mapped by the
 * application (groups from {@code groups}, scopes as {@code PERM_}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AwsAuthRequestPostProcessorsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aCognitoUserIsMappedByTheApplicationsConverter() throws Exception {
		this.mvc.perform(get("/me").with(cognitoUser("alice").groups("admin").scopes("orders.read")))
			.andExpect(jsonPath("$.name").value("alice"))
			.andExpect(jsonPath("$.mechanism").value("jwt"))
			.andExpect(jsonPath("$.authentication").value("AwsAuthenticationToken"))
			.andExpect(jsonPath("$.authorities").value(contains("ROLE_admin", "PERM_orders.read")))
			.andExpect(jsonPath("$.attributes.client_id").value("aws-auth-test"));
		this.mvc.perform(get("/admin").with(cognitoUser("alice").groups("admin"))).andExpect(status().isOk());
		this.mvc.perform(get("/admin").with(cognitoUser("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void claimsAndAuthoritiesAreAdded() throws Exception {
		this.mvc.perform(get("/me").with(cognitoUser("alice").claim("email", "a@example.com").authorities("ROLE_ops")))
			.andExpect(jsonPath("$.attributes.email").value("a@example.com"))
			.andExpect(jsonPath("$.authorities").value(contains("ROLE_ops")));
	}

	@Test
	void signedInAndAlbUsersAreMappedToo() throws Exception {
		this.mvc.perform(get("/me").with(signedInUser("alice").groups("admin")))
			.andExpect(jsonPath("$.mechanism").value("login"))
			.andExpect(jsonPath("$.authentication").value("OAuth2AuthenticationToken"));
		this.mvc.perform(get("/me").with(albUser("9f3c-alice").groups("admin")))
			.andExpect(jsonPath("$.name").value("9f3c-alice"))
			.andExpect(jsonPath("$.mechanism").value("alb"))
			.andExpect(jsonPath("$.authorities").value(contains("ROLE_admin")));
	}

	@Test
	void anIamRoleIsNamedAndDescribedAsTheIamMechanismDoes() throws Exception {
		this.mvc.perform(get("/me").with(iamRole("arn:aws:iam::123456789012:role/worker").authorities("PERM_orders.read")))
			.andExpect(jsonPath("$.name").value("arn:aws:iam::123456789012:role/worker"))
			.andExpect(jsonPath("$.mechanism").value("iam"))
			.andExpect(jsonPath("$.authorities").value(contains("PERM_orders.read")))
			.andExpect(jsonPath("$.attributes.arn").value("arn:aws:sts::123456789012:assumed-role/worker/aws-auth-test"))
			.andExpect(jsonPath("$.attributes.account").value("123456789012"))
			.andExpect(jsonPath("$.attributes.role").value("worker"));
	}

	@Test
	void eachMachineMechanismHasItsOwnCaller() throws Exception {
		this.mvc.perform(get("/me").with(sigv4Key("partner-a", "AKIDPARTNER")))
			.andExpect(jsonPath("$.mechanism").value("sigv4"))
			.andExpect(jsonPath("$.attributes.accessKeyId").value("AKIDPARTNER"));
		this.mvc.perform(get("/me").with(ec2Instance("i-0123456789abcdef0", "123456789012", "eu-west-1")))
			.andExpect(jsonPath("$.mechanism").value("instance-identity"))
			.andExpect(jsonPath("$.attributes.accountId").value("123456789012"));
		this.mvc.perform(get("/me").with(clientCertificate("CN=billing,O=Example")))
			.andExpect(jsonPath("$.mechanism").value("mtls"))
			.andExpect(jsonPath("$.name").value("billing"))
			.andExpect(jsonPath("$.attributes.subject").value("CN=billing,O=Example"));
		this.mvc.perform(get("/me").with(apiKey("report").attribute("team", "finance")))
			.andExpect(jsonPath("$.mechanism").value("api-key"))
			.andExpect(jsonPath("$.attributes.team").value("finance"));
		this.mvc.perform(get("/admin").with(apiKey("report"))).andExpect(status().isForbidden());
	}

	@Test
	void scopesOnAnAlbUserAreAMistakeNamedAsSuch() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mvc.perform(get("/me").with(albUser("9f3c-alice").scopes("orders.read"))))
			.withMessageContaining("not scopes");
	}

	@Test
	void theRealApiKeyStillWorksBesideThem() throws Exception {
		this.mvc.perform(get("/me").header("X-Api-Key", "sample-report-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("report"))
			.andExpect(jsonPath("$.authorities").value(contains("PERM_orders.read")));
	}

}
