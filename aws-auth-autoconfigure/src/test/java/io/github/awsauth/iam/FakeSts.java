package io.github.awsauth.iam;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;
import io.github.awsauth.testapp.SignedWireMockRequests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * STS on loopback, as far as GetCallerIdentity goes: it checks the SigV4 signature of what it
 * receives (region eu-west-1, service sts, 15 minutes of skew, like STS) with the test keys, and
 * answers with the key's identity in STS's XML, or STS's XML error envelope.
 */
public final class FakeSts implements ResponseDefinitionTransformerV2 {

	public static final String NAME = "fake-sts";

	private final Map<String, String> arnByKey;

	private final SigV4Verifier verifier;

	/** Requests signed by these access keys are answered only once their latch is released. */
	public final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

	/** Requests received so far, counted as they arrive (WireMock's journal counts them once answered). */
	public final AtomicInteger received = new AtomicInteger();

	public FakeSts(Map<String, String> secrets, Map<String, String> arnByKey) {
		this.arnByKey = Map.copyOf(arnByKey);
		this.verifier = new SigV4Verifier((id) -> secrets.containsKey(id)
				? new SigV4Key(id, secrets.get(id), id, List.of()) : null, "eu-west-1", "sts",
				Duration.ofMinutes(15), false, true, Clock.systemUTC());
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		this.received.incrementAndGet();
		var request = event.getRequest();
		String url = request.getUrl();
		SigV4Request signed = SignedWireMockRequests.of(request);
		String body = new String(request.getBody(), java.nio.charset.StandardCharsets.UTF_8);
		boolean getCallerIdentity = url.contains("Action=GetCallerIdentity") || body.contains("Action=GetCallerIdentity");
		try {
			SigV4Verifier.Verified verified = SignedWireMockRequests.verify(this.verifier, signed);
			if (!getCallerIdentity) {
				return error(400, "InvalidAction");
			}
			CountDownLatch gate = this.gates.get(verified.key().accessKeyId());
			if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
				return error(500, "GateNeverOpened");
			}
			String arn = this.arnByKey.get(verified.key().accessKeyId());
			String account = arn.split(":")[4];
			return aResponse().withStatus(200)
				.withHeader("Content-Type", "text/xml")
				.withBody("""
						<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
						  <GetCallerIdentityResult>
						    <Arn>%s</Arn>
						    <UserId>AROAEXAMPLE:%s</UserId>
						    <Account>%s</Account>
						  </GetCallerIdentityResult>
						  <ResponseMetadata><RequestId>0b1c</RequestId></ResponseMetadata>
						</GetCallerIdentityResponse>""".formatted(arn, verified.key().accessKeyId(), account))
				.build();
		}
		catch (AwsAuthenticationException ex) {
			return error(403, "SignatureDoesNotMatch");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return error(500, "Interrupted");
		}
	}

	private static ResponseDefinition error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "text/xml")
			.withBody("""
					<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
					  <Error><Type>Sender</Type><Code>%s</Code><Message>refused</Message></Error>
					  <RequestId>0b1d</RequestId>
					</ErrorResponse>""".formatted(code))
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
