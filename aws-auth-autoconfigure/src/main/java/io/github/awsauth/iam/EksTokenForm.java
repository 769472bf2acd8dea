package io.github.awsauth.iam;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.awsauth.core.AuthenticationFailureReason;

/**
 * The EKS form of an IAM token: {@code Bearer k8s-aws-v1.<base64url of a presigned GET URL>}, what
 * {@code aws eks get-token} prints, the audience in the signed header {@code x-k8s-aws-id}. The query
 * may hold only the parameters of a presigned {@code GetCallerIdentity}, each once in any case.
 */
final class EksTokenForm {

	private static final Set<String> PRESIGNED_PARAMETERS = Set.of("Action", "Version", "X-Amz-Algorithm",
			"X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
			"X-Amz-Security-Token");

	private final StsRequestChecks checks;

	EksTokenForm(StsRequestChecks checks) {
		this.checks = checks;
	}

	StsRequest read(String url) {
		URI uri = StsRequestChecks.uri(url);
		URI endpoint = this.checks.endpoint(uri);
		Map<String, String> query = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		String rawQuery = (uri.getRawQuery() != null) ? uri.getRawQuery() : "";
		for (String piece : rawQuery.split("&")) {
			int equals = piece.indexOf('=');
			String name = StsRequestChecks.decode((equals < 0) ? piece : piece.substring(0, equals));
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				throw StsRequestChecks.invalid(AuthenticationFailureReason.AMBIGUOUS,
						"a query parameter appears more than once");
			}
			if (!PRESIGNED_PARAMETERS.contains(name)) {
				throw StsRequestChecks.invalid("the query has a parameter GetCallerIdentity does not take");
			}
			query.put(name, (equals < 0) ? "" : StsRequestChecks.decode(piece.substring(equals + 1)));
		}
		StsRequestChecks.checkAction(query.get("Action"), query.get("Version"));
		if (!"AWS4-HMAC-SHA256".equals(query.get("X-Amz-Algorithm")) || query.get("X-Amz-Signature") == null) {
			throw StsRequestChecks.invalid("the URL is not presigned with SigV4");
		}
		StsRequestChecks.checkCredential(query.get("X-Amz-Credential"));
		List<String> signedHeaders = List.of(StsRequestChecks.required(query.get("X-Amz-SignedHeaders"), "X-Amz-SignedHeaders")
			.split(";"));
		StsRequestChecks.checkSigned(signedHeaders, IamTokenReader.EKS_AUDIENCE);
		Instant date = StsRequestChecks.date(query.get("X-Amz-Date"));
		Duration expires = StsRequestChecks.expires(query.get("X-Amz-Expires"));
		Instant expiresAt = this.checks.checkTime(date, expires);
		URI target = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + "/?" + rawQuery);
		Map<String, List<String>> headers = Map.of(IamTokenReader.EKS_AUDIENCE, List.of(this.checks.serverId()));
		return new StsRequest("GET", target, headers, null, expiresAt);
	}

}
