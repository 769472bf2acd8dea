package io.github.awsauth.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.awsauth.test.AwsAuthRequestPostProcessors.cognitoUser;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * In a {@code @WebMvcTest} slice the starter's auto-configuration is there too (aws-auth-test
 * lists it for {@code @AutoConfigureMockMvc}): the application's mapping (scopes as {@code PERM_})
 * and the starter's 401 for a request without a caller.
 */
@WebMvcTest(TestSupportApplication.CallerController.class)
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithAwsPrincipal(name = "alice", groups = "admin", scopes = "orders.read")
	void theAnnotationFollowsTheApplicationsMapping() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorities").value(contains("ROLE_admin", "PERM_orders.read")));
		this.mvc.perform(get("/admin")).andExpect(status().isOk());
	}

	@Test
	void thePostProcessorsToo() throws Exception {
		this.mvc.perform(get("/me").with(cognitoUser("bob").scopes("orders.read")))
			.andExpect(jsonPath("$.authorities").value(contains("PERM_orders.read")));
		this.mvc.perform(get("/admin").with(cognitoUser("bob"))).andExpect(status().isForbidden());
	}

	@Test
	void withoutACallerTheStartersAnswerIs401() throws Exception {
		this.mvc.perform(get("/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

}
