package io.github.awsauth.authz;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.AwsPrincipal;
import io.github.awsauth.core.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Open Policy Agent as a decision point, asked as Envoy's external authorization asks it: a POST to
 * a decision of OPA's data API ({@code http://localhost:8181/v1/data/http/authz}) with
 * <pre class="code">
 * {"input": {"method": "GET", "path": "/api/orders/42", "query": {"expand": ["lines"]},
 *            "headers": {"x-tenant": "acme"},
 *            "principal": {"name": "alice", "mechanism": "jwt", "authorities": ["ROLE_admin"],
 *                          "attributes": {...}}}}
 * </pre>
 * The path is the decoded path within the application and the method that of the handler ({@code GET}
 * for {@code HEAD}), as the application serves the request; only the configured headers are sent. Only {@code {"result": true}} or {@code {"result": {"allow": true}}}
 * allows; any other result, an undefined decision ({@code {}}) among them, denies. An OPA that
 * does not answer 200 with JSON in time cannot be asked.
 */
public final class OpaAuthorizationManager extends RemoteDecisionPoint<String> {

	private static final int MAX_ANSWER = 64 * 1024;

	private final URI url;

	private final Duration timeout;

	private final List<String> headers;

	private final HttpClient http;

	/**
	 * Create the decision point.
	 * @param url the decision's URL in OPA's data API
	 * @param timeout how long OPA may take
	 * @param fail what an OPA that cannot be asked means
	 * @param cacheTtl how long a decision is kept for the same input, zero for not at all
	 * @param cacheSize how many decisions are kept at most
	 * @param headers the request headers sent in the input
	 */
	public OpaAuthorizationManager(URI url, Duration timeout, AuthorizationProperties.Fail fail, Duration cacheTtl,
			long cacheSize, List<String> headers) {
		super("OPA", DecisionSource.OPA, fail, cacheTtl, cacheSize);
		this.url = url;
		this.timeout = timeout;
		this.headers = headers.stream().map((name) -> name.toLowerCase(Locale.ROOT)).distinct().toList();
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
	}

	@Override
	public int getOrder() {
		return OPA;
	}

	@Override
	String question(Authentication caller, HttpServletRequest request) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("method", Decisions.method(request));
		input.put("path", Decisions.path(request));
		input.put("query", query(request.getQueryString()));
		Map<String, Object> headers = new LinkedHashMap<>();
		for (String name : this.headers) {
			List<String> values = Collections.list(request.getHeaders(name));
			if (!values.isEmpty()) {
				// several fields of one name are one list, as HTTP combines them
				headers.put(name, String.join(", ", values));
			}
		}
		input.put("headers", headers);
		Map<String, Object> principal = new LinkedHashMap<>();
		principal.put("name", caller.getName());
		principal.put("mechanism",
				(caller.getPrincipal() instanceof AwsPrincipal aws) ? aws.mechanism().id() : null);
		principal.put("authorities", caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		principal.put("attributes",
				(caller.getPrincipal() instanceof AwsPrincipal aws) ? json(aws.attributes()) : Map.of());
		input.put("principal", principal);
		return JSONObjectUtils.toJSONString(Map.of("input", input));
	}

	@Override
	String sharedKey(String question) {
		return "opa:" + Sha256.hex(this.url + "\n" + question);
	}

	@Override
	boolean ask(String question) {
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(question))
			.build();
		HttpResponse<byte[]> response;
		CompletableFuture<HttpResponse<byte[]>> exchange = this.http.sendAsync(request, (info) -> limited());
		try {
			// the timeout covers the whole exchange, the answer's body too
			response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new Unavailable("no answer within " + this.timeout);
		}
		catch (ExecutionException ex) {
			throw new Unavailable("unreachable ("
					+ ((ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "failed") + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted");
		}
		byte[] body = response.body();
		if (response.statusCode() != 200) {
			throw new Unavailable("answered " + response.statusCode());
		}
		if (body == null) {
			throw new Unavailable("answered more than " + MAX_ANSWER + " bytes");
		}
		Map<String, Object> answer;
		try {
			answer = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
		}
		catch (ParseException ex) {
			throw new Unavailable("answered something that is not a JSON object");
		}
		Object result = answer.get("result");
		return Boolean.TRUE.equals(result)
				|| (result instanceof Map<?, ?> document && Boolean.TRUE.equals(document.get("allow")));
	}

	/** The body, or {@code null} once it is longer than {@link #MAX_ANSWER}: what is beyond is not kept. */
	private static HttpResponse.BodySubscriber<byte[]> limited() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		boolean[] oversized = { false };
		return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArrayConsumer((chunk) -> {
			if (chunk.isPresent() && !oversized[0]) {
				if (body.size() + chunk.get().length > MAX_ANSWER) {
					oversized[0] = true;
				}
				else {
					body.writeBytes(chunk.get());
				}
			}
		}), (done) -> oversized[0] ? null : body.toByteArray());
	}

	/** The query's parameters, decoded as the servlet container decodes them. */
	private static Map<String, List<String>> query(@Nullable String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a broken escape: OPA would judge a query the application does not see
			throw new Refused("the query cannot be decoded");
		}
	}

	/** Attributes as JSON values: times as ISO 8601, anything else not JSON as its text. */
	private static @Nullable Object json(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(OpaAuthorizationManager::json).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> object = new LinkedHashMap<>();
			map.forEach((key, element) -> object.put(String.valueOf(key), json(element)));
			return object;
		}
		return value.toString();
	}

}
