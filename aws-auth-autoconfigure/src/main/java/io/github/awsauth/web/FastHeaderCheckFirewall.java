package io.github.awsauth.web;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its defaults, answering its header and
 * parameter name checks and its header value check without a regular expression when a string is
 * printable ASCII, which those checks always accept; anything else meets the same regular
 * expressions as in {@code StrictHttpFirewall}. The firewall validates a header's value on every
 * read, one character at a time through the expression, and a bearer token, an ALB header or a
 * certificate chain is hundreds to thousands of characters: this was the largest share of a JWT
 * request's CPU outside the service itself. It accepts and refuses exactly what the default does
 * ({@code FastHeaderCheckFirewallTests} holds the two side by side).
 */
public class FastHeaderCheckFirewall extends StrictHttpFirewall {

	/** StrictHttpFirewall's check of header and parameter names. */
	private static final Pattern ASSIGNED_AND_NOT_CONTROL = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	/** StrictHttpFirewall's check of header values: a tab is allowed too. */
	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	/** Create the firewall; its other settings are {@code StrictHttpFirewall}'s defaults and setters. */
	public FastHeaderCheckFirewall() {
		Predicate<String> names = (name) -> isPrintableAscii(name, false)
				|| ASSIGNED_AND_NOT_CONTROL.matcher(name).matches();
		setAllowedHeaderNames(names);
		setAllowedParameterNames(names);
		setAllowedHeaderValues((value) -> isPrintableAscii(value, true) || HEADER_VALUE.matcher(value).matches());
	}

	private static boolean isPrintableAscii(String value, boolean tabAllowed) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 || c > 0x7e) && !(tabAllowed && c == '\t')) {
				return false;
			}
		}
		return true;
	}

}
