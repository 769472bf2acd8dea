package io.github.awsauth.autoconfigure;

import java.util.Collection;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Checks the keys of a map of patterns (ARN patterns, subject patterns, …) at start-up. Spring's
 * binder strips {@code :}, {@code /}, {@code *}, {@code =} and spaces from a map key that is not
 * written in brackets, so {@code arn:aws:iam::123456789012:role/worker-*} silently becomes
 * {@code arnawsiam123456789012roleworker-}: every invalid key is reported with the bracket form.
 */
final class PatternKeys {

	private PatternKeys() {
	}

	/**
	 * Fail on the first invalid key.
	 * @param property the map's property, for example {@code aws.auth.iam.principals}
	 * @param keys the bound keys
	 * @param problem what is wrong with a key, or {@code null} when it is valid
	 * @param example an entry in YAML's bracket form
	 * @throws AwsAuthConfigurationException naming the key and showing the bracket form
	 */
	static void check(String property, Collection<String> keys, Function<String, @Nullable String> problem,
			String example) {
		for (String key : keys) {
			String reason = problem.apply(key);
			if (reason != null) {
				throw new AwsAuthConfigurationException(property + "[" + key + "]",
						"'" + key + "' is not a valid pattern: " + reason,
						"Write each key of " + property + " in brackets inside quotes, or the binder strips its ':', "
								+ "'/' and '*': " + example + " in YAML, " + property + "[...]=... on the command line.");
			}
		}
	}

}
