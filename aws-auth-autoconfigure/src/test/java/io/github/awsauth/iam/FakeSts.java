package io.github.awsauth.iam;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;

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
		int question = url.indexOf('?');
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.put(header.key(), new ArrayList<>(header.values()));
		}
		// WireMock sometimes keeps the Host header out of its list; it is what the client sent.
		if (headers.keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
			headers.put("host", List.of(request.getHost() + ":" + request.getPort()));
		}
		SigV4Request signed = new SigV4Request(request.getMethod().getName(),
				(question < 0) ? url : url.substring(0, question), (question < 0) ? null : url.substring(question + 1),
				headers, request.getBody());
		String body = new String(request.getBody(), java.nio.charset.StandardCharsets.UTF_8);
		boolean getCallerIdentity = url.contains("Action=GetCallerIdentity") || body.contains("Action=GetCallerIdentity");
		try {
			SigV4Verifier.Verified verified = verify(signed, headers, request.getBody());
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

	/**
	 * Jetty, under WireMock, may hand over a common Content-Type from its header cache in the cache's
	 * case ("charset=UTF-8" for the "charset=utf-8" the client sent and signed); real STS sees the
	 * bytes as sent, so a lower-cased charset is tried too.
	 */
	private SigV4Verifier.Verified verify(SigV4Request signed, Map<String, List<String>> headers, byte[] body) {
		try {
			return this.verifier.verify(signed);
		}
		catch (AwsAuthenticationException ex) {
			Map<String, List<String>> asSent = new LinkedHashMap<>(headers);
			asSent.replaceAll((name, values) -> name.equalsIgnoreCase("content-type")
					? values.stream().map((value) -> value.replace("charset=UTF-8", "charset=utf-8")).toList() : values);
			if (asSent.equals(headers)) {
				throw ex;
			}
			return this.verifier.verify(new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(), asSent, body));
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
