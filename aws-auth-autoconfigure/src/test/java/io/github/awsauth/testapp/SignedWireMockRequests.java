package io.github.awsauth.testapp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.sigv4.SigV4Authorization;
import io.github.awsauth.sigv4.SigV4AuthorizationParser;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;

/**
 * What the fake AWS endpoints (STS, EC2, Verified Permissions) need to check the SigV4 signature of what a client sent
 * them, as the real services do.
 */
public final class SignedWireMockRequests {

	private SignedWireMockRequests() {
	}

	/** The request as the client signed it. */
	public static SigV4Request of(Request request) {
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
		return new SigV4Request(request.getMethod().getName(), (question < 0) ? url : url.substring(0, question),
				(question < 0) ? null : url.substring(question + 1), headers, request.getBody());
	}

	/**
	 * Verify a request signed with the one key a fake endpoint knows, for the region of its
	 * credential scope.
	 * @param request the request as WireMock received it
	 * @param accessKeyId the fake's access key id
	 * @param secret its secret
	 * @param service the service the signature must be for, such as {@code ec2}
	 * @throws AwsAuthenticationException when the signature does not verify
	 */
	public static void verify(Request request, String accessKeyId, String secret, String service) {
		SigV4Request signed = of(request);
		SigV4Authorization authorization = SigV4AuthorizationParser.parse(signed);
		verify(new SigV4Verifier((id) -> accessKeyId.equals(id) ? new SigV4Key(id, secret, id, List.of()) : null,
				authorization.region(), service, Duration.ofMinutes(15), false, true, Clock.systemUTC()), signed);
	}

	/**
	 * Verify a request. Jetty, under WireMock, may hand over a common Content-Type from its header
	 * cache in the cache's case ("charset=UTF-8" for the "charset=utf-8" the client sent and signed);
	 * a real AWS endpoint sees the bytes as sent, so a lower-cased charset is tried too.
	 */
	public static SigV4Verifier.Verified verify(SigV4Verifier verifier, SigV4Request signed) {
		try {
			return verifier.verify(signed);
		}
		catch (AwsAuthenticationException ex) {
			Map<String, List<String>> asSent = new LinkedHashMap<>(signed.headers());
			asSent.replaceAll((name, values) -> name.equalsIgnoreCase("content-type")
					? values.stream().map((value) -> value.replace("charset=UTF-8", "charset=utf-8")).toList() : values);
			if (asSent.equals(signed.headers())) {
				throw ex;
			}
			return verifier.verify(new SigV4Request(signed.method(), signed.rawPath(), signed.rawQuery(), asSent,
					signed.body()));
		}
	}

}
