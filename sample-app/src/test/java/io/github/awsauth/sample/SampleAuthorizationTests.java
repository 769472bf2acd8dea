package io.github.awsauth.sample;

import io.github.awsauth.core.Mechanism;
import io.github.awsauth.sample.api.ApiApplication;
import io.github.awsauth.test.WithAwsPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.awsauth.test.AwsAuthRequestPostProcessors.apiKey;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.cognitoUser;
import static io.github.awsauth.test.AwsAuthRequestPostProcessors.iamRole;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's authorization, tested as an application that uses the starter would test its own
 * with aws-auth-test: the route rules of {@code application.yml}, {@code @PreAuthorize} and the
 * owner check, for users and machines, without a credential.
 */
@SpringBootTest(classes = ApiApplication.class, properties = "sample.local-idp.enabled=false")
@AutoConfigureMockMvc
class SampleAuthorizationTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithAwsPrincipal(name = "alice", groups = "admin")
	void adminsSeeTheAdminPage() throws Exception {
		this.mvc.perform(get("/api/admin")).andExpect(status().isOk());
	}

	@Test
	@WithAwsPrincipal(name = "bob", scopes = { "orders.read", "orders.write" })
	void othersDoNot() throws Exception {
		this.mvc.perform(get("/api/admin")).andExpect(status().isForbidden());
	}

	@Test
	void usersCreateOnlyTheirOwnOrders() throws Exception {
		String order = "{\"item\":\"book\",\"quantity\":1,\"owner\":\"bob\"}";
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order)
			.with(cognitoUser("bob").scopes("orders.write"))).andExpect(status().isCreated());
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order)
			.with(cognitoUser("carol").scopes("orders.write"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order)
			.with(cognitoUser("alice").groups("admin"))).andExpect(status().isCreated());
	}

	@Test
	void theRouteRulesWantTheOrdersScopes() throws Exception {
		this.mvc.perform(get("/api/orders").with(cognitoUser("dave"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/orders").with(cognitoUser("dave").scopes("orders.read"))).andExpect(status().isOk());
	}

	@Test
	void machinesHaveTheAuthoritiesOfTheirAllowlistEntry() throws Exception {
		this.mvc.perform(get("/api/orders").with(iamRole("arn:aws:iam::123456789012:role/sample-worker")
			.authorities("SCOPE_orders.read"))).andExpect(status().isOk());
		this.mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{}")
			.with(apiKey("sample-report").authorities("SCOPE_orders.read"))).andExpect(status().isForbidden());
	}

	@Test
	@WithAwsPrincipal(name = "i-0123456789abcdef0", mechanism = Mechanism.INSTANCE_IDENTITY,
			authorities = "SCOPE_orders.read", attributes = "accountId=123456789012")
	void meDescribesAnyCaller() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("i-0123456789abcdef0"))
			.andExpect(jsonPath("$.mechanism").value("instance-identity"))
			.andExpect(jsonPath("$.attributes.accountId").value("123456789012"));
	}

}
