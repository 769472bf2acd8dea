package io.github.awsauth.authz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A policy that is not one is refused with a message saying where, not read as a statement that
 * silently never (or always) matches.
 */
class PolicyDocumentTests {

	private static final String ALLOW = "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			not JSON                        | {"Statement":                                                              | not a JSON object
			no statement                    | {"Version":"2012-10-17"}                                                   | Statement must be
			empty statement list            | {"Statement":[]}                                                           | Statement must be
			unknown version                 | {"Version":"2024-01-01","Statement":{ALLOW}}                               | Version must be
			unknown document element        | {"Statement":{ALLOW},"Statment":[]}                                        | unknown element 'Statment'
			statement not an object         | {"Statement":["Allow"]}                                                    | Statement[0] must be an object
			effect in lower case            | {"Statement":{"Effect":"allow","Action":"*","Resource":"*"}}               | Statement[0].Effect must be
			no effect                       | {"Statement":{"Action":"*","Resource":"*"}}                                | Statement[0].Effect must be
			both Action and NotAction       | {"Statement":{ALLOW,"NotAction":"s3:*"}}                                   | exactly one of Action and NotAction
			no resource                     | {"Statement":{"Effect":"Allow","Action":"*"}}                              | exactly one of Resource and NotResource
			empty action list               | {"Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}                | Statement[0].Action must be
			action not a string             | {"Statement":{"Effect":"Allow","Action":{"a":1},"Resource":"*"}}           | Statement[0].Action must be
			principal in an identity policy | {"Statement":{ALLOW,"Principal":"*"}}                                      | names a Principal
			unknown statement element       | {"Statement":{ALLOW,"Resources":"*"}}                                      | unknown element 'Resources'
			unknown operator                | {"Statement":{ALLOW,"Condition":{"StringMatches":{"aws:username":"a"}}}}   | Condition.StringMatches is not a condition operator
			Null with IfExists              | {"Statement":{ALLOW,"Condition":{"NullIfExists":{"aws:username":"true"}}}} | is not a condition operator
			operator without keys           | {"Statement":{ALLOW,"Condition":{"StringEquals":{}}}}                      | must map condition keys
			number operator with text       | {"Statement":{ALLOW,"Condition":{"NumericLessThan":{"aws:PrincipalTag/k":"ten"}}}}          | 'ten' is not a number
			date operator with text         | {"Statement":{ALLOW,"Condition":{"DateLessThan":{"aws:PrincipalTag/k":"tomorrow"}}}}        | 'tomorrow' is not an ISO 8601 date
			bool operator with text         | {"Statement":{ALLOW,"Condition":{"Bool":{"aws:PrincipalTag/k":"yes"}}}}                     | 'yes' is neither true nor false
			IP operator with a host name    | {"Statement":{ALLOW,"Condition":{"IpAddress":{"aws:SourceIp":"example.com"}}}} | is not an IP address
			IP operator with a bad prefix   | {"Statement":{ALLOW,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}}} | is not an IP address
			effect twice                    | {"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}} | names an element twice
			operator twice                  | {"Statement":{ALLOW,"Condition":{"Bool":{"aws:SecureTransport":"true"},"Bool":{"aws:SecureTransport":"false"}}}} | names an element twice
			unknown condition key           | {"Statement":{ALLOW,"Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}} | aws:MultiFactorAuthPresent is not a condition key
			misspelled condition key        | {"Statement":{ALLOW,"Condition":{"StringEquals":{"aws:usrname":"a"}}}}     | aws:usrname is not a condition key
			unknown variable in a resource  | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"GET/${aws:user}"}} | ${aws:user} is not a condition key
			unknown variable in a value     | {"Version":"2012-10-17","Statement":{ALLOW,"Condition":{"StringEquals":{"aws:username":"${aws:PrincipalTags/x}"}}}} | is not a condition key
			JSON null                       | null                                                                       | not a JSON object
			epoch seconds out of range      | {"Statement":{ALLOW,"Condition":{"DateLessThan":{"aws:CurrentTime":"99999999999999999"}}}} | is not an ISO 8601 date
			""")
	void refuses(String name, String json, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyDocument.parse(json.replace("ALLOW", ALLOW)))
			.withMessageContaining(message);
	}

}
