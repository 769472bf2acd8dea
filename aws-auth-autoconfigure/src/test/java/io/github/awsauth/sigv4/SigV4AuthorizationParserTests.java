package io.github.awsauth.sigv4;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.github.awsauth.core.AwsAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The parser reads dates and fields by hand, not with a formatter and regular expressions on every
 * request; these tests hold it to what those accepted.
 */
class SigV4AuthorizationParserTests {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String SIGNATURE = "a".repeat(64);

	@Test
	void readsAndWritesTheDatesTheFormatterDoes() {
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(
					random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
							Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()));
			String amzDate = AMZ_DATE.format(instant);
			assertThat(SigV4Verifier.amzDate(instant)).isEqualTo(amzDate);
			assertThat(parse(amzDate.substring(0, 8), amzDate).timestamp()).isEqualTo(instant);
		}
	}

	@Test
	void writesYearsBeforeOneThousandWithFourDigits() {
		Instant instant = LocalDateTime.of(7, 1, 2, 3, 4, 5).toInstant(ZoneOffset.UTC);
		assertThat(SigV4Verifier.amzDate(instant)).isEqualTo("00070102T030405Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "20261124T120000", "20261124T120000ZZ", "2026-11-24T12:00:00Z", "20261124t120000Z",
			"20261124T120000z", "20261124 120000Z", "20261324T120000Z", "20260230T120000Z", "20261124T240000Z",
			"20261124T126000Z", "20261124T120060Z", "2026112\u0664T120000Z", "+0261124T120000Z", "00000101T000000Z", "" })
	void refusesAnyOtherDate(String amzDate) {
		assertThatExceptionOfType(AwsAuthenticationException.class).isThrownBy(() -> parse("20261124", amzDate))
			.withMessageContaining("X-Amz-Date must be");
	}

	@Test
	void writesNoDateOutsideTheYearsOfFourDigits() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SigV4Verifier.amzDate(Instant.parse("+10000-01-01T00:00:00Z")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> SigV4Verifier.amzDate(Instant.parse("0000-06-01T00:00:00Z")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026112", "202611240", "2026112\u0664", "2026-1-1" })
	void refusesAScopeDateThatIsNotEightDigits(String date) {
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> parse(date, "20261124T120000Z"))
			.withMessageContaining("Credential must be");
	}

	@ParameterizedTest
	@ValueSource(strings = { "host;", ";host", "host;;x-amz-date", "Host", "host;x amz", "host;x-amz-d\u00e4te",
			"host;x:amz", "host;(x)" })
	void refusesSignedHeadersThatAreNotLowerCaseTokens(String signedHeaders) {
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> parse("20261124", "20261124T120000Z", signedHeaders, SIGNATURE))
			.withMessageContaining("SignedHeaders must be");
	}

	@ParameterizedTest
	@ValueSource(strings = { "host;host", "host;x-amz-date;host", "a;host;a;a" })
	void refusesSignedHeadersThatNameAHeaderTwice(String signedHeaders) {
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> parse("20261124", "20261124T120000Z", signedHeaders, SIGNATURE))
			.withMessageContaining("SignedHeaders must name each header once");
	}

	@Test
	void acceptsEveryTokenCharacterInASignedHeaderName() {
		String name = "!#$%&'*+.^_`|~-az09";
		assertThat(parse("20261124", "20261124T120000Z", "host;" + name, SIGNATURE).signedHeaders())
			.containsExactly("host", name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A", "g", " ", "\u0661" })
	void refusesASignatureThatIsNotLowerCaseHex(String wrong) {
		String signature = SIGNATURE.substring(1) + wrong;
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> parse("20261124", "20261124T120000Z", "host", signature))
			.withMessageContaining("Signature must be");
	}

	@ParameterizedTest
	@ValueSource(strings = { "63", "65" })
	void refusesASignatureOfAnotherLength(String length) {
		String signature = "a".repeat(Integer.parseInt(length));
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> parse("20261124", "20261124T120000Z", "host", signature))
			.withMessageContaining("Signature must be");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "604801", "1000000", "-1", "+5", "3\u0660", "1e3" })
	void refusesPresignedLifetimesOutOfRange(String expires) {
		SigV4Request request = new SigV4Request("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256"
				+ "&X-Amz-Credential=AKID%2F20261124%2Feu-west-1%2Fexecute-api%2Faws4_request"
				+ "&X-Amz-Date=20261124T120000Z&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
				+ SIGNATURE, Map.of("Host", List.of("example.com")), new byte[0]);
		assertThatExceptionOfType(AwsAuthenticationException.class)
			.isThrownBy(() -> SigV4AuthorizationParser.parse(request))
			.withMessageContaining("X-Amz-Expires must be between 1 and 604800");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "604800", "000300" })
	void acceptsPresignedLifetimesInRange(String expires) {
		SigV4Request request = new SigV4Request("GET", "/", "X-Amz-Algorithm=AWS4-HMAC-SHA256"
				+ "&X-Amz-Credential=AKID%2F20261124%2Feu-west-1%2Fexecute-api%2Faws4_request"
				+ "&X-Amz-Date=20261124T120000Z&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
				+ SIGNATURE, Map.of("Host", List.of("example.com")), new byte[0]);
		assertThat(SigV4AuthorizationParser.parse(request).expires()).hasSeconds(Integer.parseInt(expires));
	}

	@Test
	void readsTheHeaderFieldsAsSplittingAndAMapDid() {
		String[] pieces = { "Credential=AKID/20261124/eu-west-1/execute-api/aws4_request",
				"cREDENTIAL=AKID/20261124/eu-west-1/execute-api/aws4_request", "SignedHeaders=host;x-amz-date",
				"signedheaders=host", "Signature=" + SIGNATURE, "SIGNATURE=" + "b".repeat(64), "Other=1", "=x",
				"Signature", "Signature=", "Signature==" + SIGNATURE, "Signature =" + SIGNATURE,
				"Signature= " + SIGNATURE, "\u2003Signature=" + SIGNATURE, "Signature=" + SIGNATURE + "\u001f",
				"\u00a0Signature=" + SIGNATURE, "\u0130Credential=x", "", " ", "\t", "\u2028" };
		String[] separators = { ",", ", ", " ,", ",,", ",\t" };
		Random random = new Random(7);
		for (int i = 0; i < 50_000; i++) {
			StringBuilder fields = new StringBuilder(random.nextBoolean() ? "" : " ");
			for (int n = random.nextInt(0, 6); n > 0; n--) {
				fields.append(pieces[random.nextInt(pieces.length)]);
				if (n > 1 || random.nextInt(4) == 0) {
					fields.append(separators[random.nextInt(separators.length)]);
				}
			}
			String header = SigV4Authorization.ALGORITHM + " " + fields;
			assertThat(outcome(header)).as(header).isEqualTo(splitAndMapped(header));
		}
	}

	/** What the parser made of a header: its parameters, or that it refused it. */
	private static Object outcome(String header) {
		try {
			return SigV4AuthorizationParser.parse(new SigV4Request("GET", "/", null,
					Map.of("Authorization", List.of(header), "X-Amz-Date", List.of("20261124T120000Z")), new byte[0]));
		}
		catch (AwsAuthenticationException ex) {
			return "refused";
		}
	}

	/** The fields as the parser once read them (split on commas, stripped, into a map), then parsed. */
	private static Object splitAndMapped(String header) {
		Map<String, String> fields = new java.util.HashMap<>();
		for (String part : header.substring(SigV4Authorization.ALGORITHM.length() + 1).split(",")) {
			String field = part.strip();
			int equals = field.indexOf('=');
			if (equals <= 0 || fields.put(field.substring(0, equals).toLowerCase(java.util.Locale.ROOT),
					field.substring(equals + 1)) != null) {
				return "refused";
			}
		}
		if (fields.size() != 3 || !fields.keySet().equals(Set.of("credential", "signedheaders", "signature"))) {
			return "refused";
		}
		return outcome(SigV4Authorization.ALGORITHM + " Credential=" + fields.get("credential") + ", SignedHeaders="
				+ fields.get("signedheaders") + ", Signature=" + fields.get("signature"));
	}

	private static SigV4Authorization parse(String scopeDate, String amzDate) {
		return parse(scopeDate, amzDate, "host;x-amz-date", SIGNATURE);
	}

	private static SigV4Authorization parse(String scopeDate, String amzDate, String signedHeaders,
			String signature) {
		String header = SigV4Authorization.ALGORITHM + " Credential=AKID/" + scopeDate
				+ "/eu-west-1/execute-api/aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature;
		return SigV4AuthorizationParser.parse(new SigV4Request("GET", "/",
				null, Map.of("Authorization", List.of(header), "X-Amz-Date", List.of(amzDate)), new byte[0]));
	}

}
