package io.github.awsauth.iam;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.github.awsauth.core.AuthenticationFailureReason;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.UpstreamHealth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Sends a checked {@code GetCallerIdentity} request to STS and reads who signed it from STS's
 * answer alone: status 200, an XML content type, and the {@code Arn}, {@code Account} and
 * {@code UserId} of the result (parsed with DTDs and external entities off). Redirects are never
 * followed. A refusal by STS is a 401; STS unreachable, slow, failing or throttling is a 503.
 */
public final class StsCallerIdentityClient {

	private static final Log logger = LogFactory.getLog(StsCallerIdentityClient.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final int MAX_ANSWER = 64 * 1024;

	/** STS's error codes for "too many requests": the caller's token was not judged. */
	private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
			"TooManyRequestsException");

	private final HttpClient http;

	private final Duration timeout;

	private final UpstreamHealth health;

	/**
	 * Create a client.
	 * @param timeout the connect and answer timeout
	 */
	public StsCallerIdentityClient(Duration timeout) {
		this(timeout, UpstreamHealth.unreported("sts"));
	}

	/**
	 * Create a client that records its calls.
	 * @param timeout the connect and answer timeout
	 * @param health where each call is recorded
	 */
	public StsCallerIdentityClient(Duration timeout, UpstreamHealth health) {
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		this.timeout = timeout;
		this.health = health;
	}

	/**
	 * Ask STS who signed a request.
	 * @param request the checked request
	 * @return the identity
	 * @throws AwsAuthenticationException 401 when STS refuses the signature, 503 when STS cannot
	 * be asked
	 */
	public CallerIdentity callerIdentity(StsRequest request) {
		HttpResponse<InputStream> answer = send(request);
		String contentType = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		boolean xml = contentType.startsWith("text/xml") || contentType.startsWith("application/xml");
		byte[] body = read(answer);
		if (answer.statusCode() >= 500 || answer.statusCode() == 429
				|| (answer.statusCode() >= 300 && answer.statusCode() < 400)) {
			throw unavailable("STS answered " + answer.statusCode(), null);
		}
		if (body.length > MAX_ANSWER) {
			throw unavailable("STS gave an answer larger than " + MAX_ANSWER + " bytes", null);
		}
		if (answer.statusCode() != 200) {
			String code = xml ? text(parse(body), "Code") : null;
			if (code != null && THROTTLING.contains(code)) {
				throw unavailable("STS is throttling (" + code + ")", null);
			}
			this.health.reached();
			throw AwsAuthenticationException.invalid(AuthenticationFailureReason.BAD_SIGNATURE,
					"STS refused the IAM token"
					+ ((code != null && code.matches("[A-Za-z.]{1,64}")) ? ": " + code : ""));
		}
		if (!xml) {
			throw unavailable("STS gave an answer that is not a GetCallerIdentity result", null);
		}
		Document result = parse(body);
		String arn = text(result, "Arn");
		String account = text(result, "Account");
		String userId = text(result, "UserId");
		if (arn == null || account == null || userId == null || !arn.startsWith("arn:")) {
			throw unavailable("STS gave an answer that is not a GetCallerIdentity result", null);
		}
		this.health.reached();
		return new CallerIdentity(arn, account, userId, request.expiresAt());
	}

	/** At most one byte more than an answer may have, so a larger one is recognised unread. */
	private byte[] read(HttpResponse<InputStream> answer) {
		try (InputStream in = answer.body()) {
			return in.readNBytes(MAX_ANSWER + 1);
		}
		catch (IOException ex) {
			throw unavailable("STS's answer could not be read", ex);
		}
	}

	private HttpResponse<InputStream> send(StsRequest request) {
		HttpRequest.Builder http = HttpRequest.newBuilder(request.uri()).timeout(this.timeout);
		try {
			request.headers().forEach((name, values) -> values.forEach((value) -> http.header(name, value)));
		}
		catch (IllegalArgumentException ex) {
			// a header the HTTP client refuses to send (Connection, Expect, a line break in a value)
			throw AwsAuthenticationException.invalid("Invalid IAM token: a signed header cannot be forwarded");
		}
		http.method(request.method(), (request.body() != null) ? HttpRequest.BodyPublishers.ofString(request.body())
				: HttpRequest.BodyPublishers.noBody());
		try {
			return this.http.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw unavailable("STS could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable("interrupted while asking STS", ex);
		}
	}

	private AwsAuthenticationException unavailable(String reason, @Nullable Throwable cause) {
		this.health.unreachable(reason);
		logger.warn("IAM authentication could not ask STS: " + reason + ((cause != null) ? " (" + cause + ")" : ""));
		return AwsAuthenticationException.unavailable("The identity service is unavailable; retry later", RETRY_AFTER,
				cause);
	}

	private Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw unavailable("STS gave an answer that is not XML", ex);
		}
	}

	private static @Nullable String text(Document document, String element) {
		NodeList nodes = document.getElementsByTagNameNS("*", element);
		if (nodes.getLength() != 1) {
			return null;
		}
		String text = nodes.item(0).getTextContent();
		return (text != null) ? text.strip() : null;
	}

}
