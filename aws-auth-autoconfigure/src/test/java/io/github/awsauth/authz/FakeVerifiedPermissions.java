package io.github.awsauth.authz;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.testapp.SignedWireMockRequests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Amazon Verified Permissions on loopback, as far as {@code IsAuthorized} and
 * {@code IsAuthorizedWithToken} go: it checks the SigV4 signature (service
 * {@code verifiedpermissions}) with the one test key, reads the AWS JSON 1.0 request
 * ({@code X-Amz-Target: VerifiedPermissions.IsAuthorized}), records it, and answers
 * {@code {"decision": …, "determiningPolicies": [], "errors": []}} as the decision function says, or
 * the API's error shape ({@code {"__type": "ThrottlingException", …}}) when told to fail.
 */
final class FakeVerifiedPermissions implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-verified-permissions";

	static final String ACCESS_KEY = "AKIDVERIFIEDPERMS";

	static final String SECRET = "verified-permissions-secret";

	/** The operations and request bodies received, in order. */
	final List<Map.Entry<String, Map<String, Object>>> received = new CopyOnWriteArrayList<>();

	/** The decision for a request body: ALLOW or DENY. */
	volatile Function<Map<String, Object>, String> decide = (request) -> "ALLOW";

	/** When set, every call is answered with this status and error type ("429 ThrottlingException"). */
	volatile String failWith;

	/** When set, the answer is this text instead of JSON. */
	volatile String garbage;

	/** How long every answer takes. */
	volatile int delayMillis;

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		var request = event.getRequest();
		try {
			SignedWireMockRequests.verify(request, ACCESS_KEY, SECRET, "verifiedpermissions");
		}
		catch (RuntimeException ex) {
			return error(403, "AccessDeniedException");
		}
		String target = request.getHeader("X-Amz-Target");
		if (!"application/x-amz-json-1.0".equals(request.getHeader("Content-Type"))
				|| !("VerifiedPermissions.IsAuthorized".equals(target)
						|| "VerifiedPermissions.IsAuthorizedWithToken".equals(target))) {
			return error(400, "UnknownOperationException");
		}
		Map<String, Object> body;
		try {
			body = JSONObjectUtils.parse(request.getBodyAsString());
		}
		catch (ParseException ex) {
			return error(400, "SerializationException");
		}
		this.received.add(Map.entry(target.substring("VerifiedPermissions.".length()), body));
		if (this.failWith != null) {
			String[] statusAndType = this.failWith.split(" ");
			return error(Integer.parseInt(statusAndType[0]), statusAndType[1]);
		}
		if (this.garbage != null) {
			return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
				.withBody(this.garbage).build();
		}
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/x-amz-json-1.0")
			.withBody("{\"decision\":\"" + this.decide.apply(body)
					+ "\",\"determiningPolicies\":[{\"policyId\":\"SPEXAMPLEabcdefg111111\"}],\"errors\":[]}")
			.withFixedDelay(this.delayMillis)
			.build();
	}

	void reset() {
		this.received.clear();
		this.decide = (request) -> "ALLOW";
		this.failWith = null;
		this.garbage = null;
		this.delayMillis = 0;
	}

	private static ResponseDefinition error(int status, String type) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/x-amz-json-1.0")
			.withHeader("x-amzn-ErrorType", type)
			.withBody("{\"__type\":\"" + type + "\",\"message\":\"refused\"}")
			.build();
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

}
