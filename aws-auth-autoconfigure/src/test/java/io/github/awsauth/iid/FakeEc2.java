package io.github.awsauth.iid;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.awsauth.testapp.SignedWireMockRequests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * EC2 on loopback, as far as DescribeInstances goes: it checks the SigV4 signature (service ec2,
 * the region of the credential scope) with the one test key, and answers in EC2's query-protocol
 * XML with the instances it was told about, or EC2's error envelope ({@code
 * InvalidInstanceID.NotFound} for an instance it does not know, {@code AuthFailure} for a bad
 * signature).
 */
final class FakeEc2 implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-ec2";

	static final String ACCESS_KEY = "AKIDEC2LIVECHECK";

	static final String SECRET = "ec2-live-check-secret";

	/** instance id to "owner state", for example "692406183521 running". */
	final Map<String, String> instances = new ConcurrentHashMap<>();

	final AtomicInteger received = new AtomicInteger();

	/** When set, every call is answered with this status and EC2's throttling error. */
	volatile int failWith;

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		this.received.incrementAndGet();
		var request = event.getRequest();
		try {
			SignedWireMockRequests.verify(request, ACCESS_KEY, SECRET, "ec2");
		}
		catch (RuntimeException ex) {
			System.err.println("FakeEc2 refused the signature: " + ex.getMessage());
			return error(401, "AuthFailure");
		}
		if (this.failWith != 0) {
			return error(this.failWith, "RequestLimitExceeded");
		}
		Map<String, String> form = form(request.getBodyAsString());
		if (!"DescribeInstances".equals(form.get("Action"))) {
			return error(400, "InvalidAction");
		}
		String instanceId = form.get("InstanceId.1");
		String known = (instanceId != null) ? this.instances.get(instanceId) : null;
		if (known == null) {
			return error(400, "InvalidInstanceID.NotFound");
		}
		String[] ownerAndState = known.split(" ");
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml;charset=UTF-8")
			.withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
					  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
					  <reservationSet>
					    <item>
					      <reservationId>r-1234567890abcdef0</reservationId>
					      <ownerId>%s</ownerId>
					      <instancesSet>
					        <item>
					          <instanceId>%s</instanceId>
					          <instanceState><code>16</code><name>%s</name></instanceState>
					        </item>
					      </instancesSet>
					    </item>
					  </reservationSet>
					</DescribeInstancesResponse>""".formatted(ownerAndState[0], instanceId, ownerAndState[1]))
			.build();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static ResponseDefinition error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "text/xml;charset=UTF-8")
			.withBody("""
					<?xml version="1.0" encoding="UTF-8"?>
					<Response><Errors><Error><Code>%s</Code><Message>refused</Message></Error></Errors>
					<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>""".formatted(code))
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
