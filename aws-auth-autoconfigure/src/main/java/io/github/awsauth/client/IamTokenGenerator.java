package io.github.awsauth.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.awsauth.core.IamTokenWireFormat;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Makes IAM identity tokens: a {@code sts:GetCallerIdentity} request signed with this process's
 * AWS credentials and bound to one server id, which the receiving service forwards to STS to
 * learn who signed it. A token is reused until a third of its lifetime is left, so the receiving
 * service can answer it from its cache.
 */
public final class IamTokenGenerator {

	static final String EKS_PREFIX = IamTokenWireFormat.EKS_TOKEN_PREFIX;

	static final String EKS_AUDIENCE_HEADER = IamTokenWireFormat.EKS_AUDIENCE_HEADER;

	static final String VAULT_AUDIENCE_HEADER = IamTokenWireFormat.VAULT_AUDIENCE_HEADER;

	private static final String BODY = IamTokenWireFormat.GET_CALLER_IDENTITY_BODY;

	private static final Duration LIFETIME = Duration.ofMinutes(15);

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final AwsCredentialsProvider credentials;

	private final URI stsEndpoint;

	private final String region;

	private final String serverId;

	private final IamTokenForm form;

	private final Clock clock;

	private final AtomicReference<@Nullable Token> current = new AtomicReference<>();

	/**
	 * Create a generator.
	 * @param credentials where the credentials come from
	 * @param stsEndpoint the STS endpoint the token is signed for, for example
	 * {@code https://sts.eu-west-1.amazonaws.com}
	 * @param region the region of that endpoint
	 * @param serverId the audience: the server id of the receiving service
	 * @param form the wire form
	 * @param clock the clock
	 */
	public IamTokenGenerator(AwsCredentialsProvider credentials, URI stsEndpoint, String region, String serverId,
			IamTokenForm form, Clock clock) {
		this.credentials = credentials;
		this.stsEndpoint = stsEndpoint;
		this.region = region;
		this.serverId = serverId;
		this.form = form;
		this.clock = clock;
	}

	/**
	 * The value of the {@code Authorization} header: a cached token, or a new one.
	 * @return the header value
	 */
	public String authorization() {
		Instant now = this.clock.instant();
		Token token = this.current.get();
		if (token == null || now.isAfter(token.renewAt())) {
			token = new Token(create(), now.plus(LIFETIME.multipliedBy(2).dividedBy(3)));
			this.current.set(token);
		}
		return token.authorization();
	}

	private String create() {
		return switch (this.form) {
			case EKS -> "Bearer " + eksToken();
			case VAULT -> IamTokenWireFormat.VAULT_AUTHORIZATION_PREFIX + vaultToken();
		};
	}

	private String eksToken() {
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.GET)
			.uri(this.stsEndpoint.resolve("/"))
			.appendRawQueryParameter("Action", "GetCallerIdentity")
			.appendRawQueryParameter("Version", "2011-06-15")
			.putHeader(EKS_AUDIENCE_HEADER, this.serverId)
			.build();
		URI presigned = this.signer.sign((sign) -> sign.identity(this.credentials.resolveCredentials())
			.request(request)
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
			.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, this.clock)
			.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
			.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, LIFETIME)).request().getUri();
		return EKS_PREFIX + base64Url(presigned.toString());
	}

	private String vaultToken() {
		URI url = this.stsEndpoint.resolve("/");
		SdkHttpRequest request = SdkHttpRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(url)
			.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.putHeader(VAULT_AUDIENCE_HEADER, this.serverId)
			.build();
		SdkHttpRequest signed = this.signer.sign((sign) -> sign.identity(this.credentials.resolveCredentials())
			.request(request)
			.payload(ContentStreamProvider.fromUtf8String(BODY))
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region)
			.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, this.clock)).request();
		Map<String, Object> headers = new LinkedHashMap<>();
		signed.headers().forEach((name, values) -> headers.put(name, List.copyOf(values)));
		Map<String, Object> login = new LinkedHashMap<>();
		login.put(IamTokenWireFormat.VAULT_METHOD, "POST");
		login.put(IamTokenWireFormat.VAULT_URL, base64(url.toString()));
		login.put(IamTokenWireFormat.VAULT_BODY, base64(BODY));
		login.put(IamTokenWireFormat.VAULT_HEADERS, base64(JSONObjectUtils.toJSONString(headers)));
		return base64Url(JSONObjectUtils.toJSONString(login));
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String base64Url(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private record Token(String authorization, Instant renewAt) {

	}

}
