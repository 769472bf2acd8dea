package io.github.awsauth.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.awsauth.client.IamTokenForm;
import io.github.awsauth.client.IamTokenGenerator;
import io.github.awsauth.core.AwsAuthenticationException;
import io.github.awsauth.core.InstanceIdentityHeader;
import io.github.awsauth.sigv4.SigV4Key;
import io.github.awsauth.sigv4.SigV4Request;
import io.github.awsauth.sigv4.SigV4Verifier;
import org.bouncycastle.asn1.x500.X500Name;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What {@code end-to-end.sh} starts beside the sample-app jar so that the mechanisms that need an
 * AWS endpoint carry genuine credentials too, all on one loopback port:
 * <ul>
 * <li>{@code /alb/{kid}}: the ALB key endpoint, serving the P-256 key of the headers minted here;</li>
 * <li>{@code /}: STS's {@code GetCallerIdentity}, which checks the SigV4 signature of what it is
 * sent (as STS does) and answers with the identity of the one key it knows;</li>
 * <li>{@code /credential/{alb|iam|instance-identity|mtls}[?count=N]}: a fresh credential (or N, a
 * line each) for one request header, {@code Name: value}, for wrk (an ALB header signed as ALB signs it, an EKS-form IAM
 * token, a genuine AWS-signed identity document from the fixtures, an ALB passthrough chain of a
 * client certificate issued by a CA made here).</li>
 * </ul>
 * It prints the sample's arguments that trust all of this, one per line, then serves until killed.
 * <pre>
 * java -cp benchmarks.jar io.github.awsauth.benchmarks.EndToEndFakes PORT WORK_DIR IID_FIXTURE_DIR
 * </pre>
 */
public final class EndToEndFakes {

	private static final String SIGNER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/e2e/50dc6c495c0c9188";

	private static final String ACCESS_KEY = "AKIDE2EWORKER";

	private static final String SECRET = "e2e-worker-secret";

	private final int port;

	private final ECKey albKey;

	private final String kid = UUID.randomUUID().toString();

	private final String account;

	private final SigV4Verifier sts;

	private EndToEndFakes(int port, String account) throws Exception {
		this.port = port;
		this.account = account;
		this.albKey = new ECKeyGenerator(Curve.P_256).generate();
		this.sts = new SigV4Verifier((id) -> ACCESS_KEY.equals(id) ? new SigV4Key(id, SECRET, id, List.of()) : null,
				"eu-west-1", "sts", Duration.ofMinutes(15), false, true, Clock.systemUTC());
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: EndToEndFakes PORT WORK_DIR IID_FIXTURE_DIR");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		Path work = Path.of(args[1]);
		Path fixture = Path.of(args[2]);
		String document = Files.readString(fixture.resolve("document.json"));
		String account = (String) JSONObjectUtils.parse(document).get("accountId");
		EndToEndFakes fakes = new EndToEndFakes(port, account);
		String iid = "Authorization: " + InstanceIdentityHeader.encode(document, "rsa2048",
				Files.readString(fixture.resolve("rsa2048.b64")).strip());
		Path trustStore = work.resolve("e2e-ca.pem");
		String mtls = fakes.clientCertificate(trustStore);

		Map<String, Supplier<String>> credentials = new LinkedHashMap<>();
		credentials.put("alb", fakes::albHeader);
		credentials.put("iam", fakes::iamToken);
		credentials.put("instance-identity", () -> iid);
		credentials.put("mtls", () -> mtls);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
		server.createContext("/alb/", (exchange) -> respond(exchange,
				exchange.getRequestURI().getPath().equals("/alb/" + fakes.kid) ? 200 : 404, fakes.albPem()));
		server.createContext("/credential/", (exchange) -> {
			Supplier<String> credential = credentials.get(exchange.getRequestURI().getPath().substring(12));
			String query = exchange.getRequestURI().getQuery();
			int count = (query != null && query.startsWith("count=")) ? Integer.parseInt(query.substring(6)) : 1;
			StringBuilder lines = new StringBuilder();
			for (int i = 0; credential != null && i < Math.min(count, 200_000); i++) {
				lines.append(credential.get()).append('\n');
			}
			respond(exchange, (credential != null) ? 200 : 404, lines.toString().strip());
		});
		server.createContext("/", fakes::sts);
		server.start();

		for (String argument : List.of("--aws.auth.alb.enabled=true", "--aws.auth.alb.signer-arns=" + SIGNER,
				"--aws.auth.alb.public-key-uri=http://localhost:" + port + "/alb/{kid}",
				"--aws.auth.iam.enabled=true", "--aws.auth.iam.sts-endpoint=http://localhost:" + port,
				"--aws.auth.iam.principals[arn:aws:iam::" + account + ":role/sample-worker]=SCOPE_orders.read",
				"--aws.auth.instance-identity.enabled=true",
				"--aws.auth.instance-identity.accounts[" + account + "]=SCOPE_orders.read", "--aws.auth.mtls.enabled=true",
				"--aws.auth.mtls.source=alb-passthrough", "--aws.auth.mtls.trusted-proxies=127.0.0.1,::1",
				"--aws.auth.mtls.trust-store=" + trustStore.toUri())) {
			System.out.println(argument);
		}
		System.out.println("# ready");
		System.out.flush();
		Thread.currentThread().join();
	}

	/** An {@code x-amzn-oidc-data} header as ALB builds it: padded segments, raw r||s ES256. */
	private String albHeader() {
		long exp = Instant.now().plusSeconds(3600).getEpochSecond();
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("typ", "JWT");
		header.put("kid", this.kid);
		header.put("alg", "ES256");
		header.put("signer", SIGNER);
		header.put("exp", exp);
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", "9f3c-alice");
		claims.put("email", "alice@example.com");
		claims.put("exp", exp);
		String input = padded(JSONObjectUtils.toJSONString(header)) + "." + padded(JSONObjectUtils.toJSONString(claims));
		try {
			byte[] signature = new ECDSASigner(this.albKey).sign(new JWSHeader(JWSAlgorithm.ES256),
					input.getBytes(StandardCharsets.US_ASCII)).decode();
			return "x-amzn-oidc-data: " + input + "." + Base64.getUrlEncoder().encodeToString(signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String albPem() {
		try {
			return "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder().encodeToString(this.albKey.toECPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An EKS-form token for this endpoint, signed now (a token is good for 15 minutes). */
	private String iamToken() {
		return "Authorization: " + new IamTokenGenerator(
				StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)),
				URI.create("http://localhost:" + this.port), "eu-west-1", "sample-api", IamTokenForm.EKS,
				Clock.systemUTC())
			.authorization();
	}

	/** GetCallerIdentity, answered only for a request signed with the one known key. */
	private void sts(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readNBytes(64 * 1024);
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
		URI uri = exchange.getRequestURI();
		String query = uri.getRawQuery();
		try {
			this.sts.verify(new SigV4Request(exchange.getRequestMethod(), uri.getRawPath(), query, headers, body));
		}
		catch (AwsAuthenticationException ex) {
			respond(exchange, 403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>");
			return;
		}
		String action = (query != null) ? query : new String(body, StandardCharsets.UTF_8);
		if (!action.contains("Action=GetCallerIdentity")) {
			respond(exchange, 400, "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "text/xml");
		respond(exchange, 200, """
				<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
				  <GetCallerIdentityResult>
				    <Arn>arn:aws:sts::%s:assumed-role/sample-worker/e2e</Arn>
				    <UserId>AROAEXAMPLE:e2e</UserId>
				    <Account>%s</Account>
				  </GetCallerIdentityResult>
				  <ResponseMetadata><RequestId>e2e</RequestId></ResponseMetadata>
				</GetCallerIdentityResponse>""".formatted(this.account, this.account));
	}

	/**
	 * A CA (written to the trust store file) and a client certificate it issued for the sample's
	 * allowlisted subject, both P-256; the header as an ALB in passthrough mode sends the chain.
	 */
	private String clientCertificate(Path trustStore) throws Exception {
		KeyPair caKeys = TestPki.p256();
		X500Name caName = new X500Name("CN=E2E Partners CA,O=Example");
		X509Certificate ca = TestPki.certificate(caName, caKeys, caName, caKeys, true, "SHA256withECDSA");
		KeyPair leafKeys = TestPki.p256();
		X509Certificate leaf = TestPki.certificate(TestPki.name("CN=sample-partner,O=Example"), leafKeys, caName,
				caKeys, false, "SHA256withECDSA");
		Files.writeString(trustStore, TestPki.pem(ca));
		return "X-Amzn-Mtls-Clientcert: " + TestPki.albPassthroughHeader(leaf, ca);
	}

	private static String padded(String json) {
		return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
