package io.github.awsauth.web;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its defaults, answering its header and
 * parameter name checks and its header value check without a regular expression when a string is
 * printable ASCII, which those checks always accept; anything else meets
 * {@code StrictHttpFirewall}'s own default checks ({@link #ALLOWED_HEADER_NAMES} and the others). The firewall validates a header's value on every
 * read, one character at a time through the expression, and a bearer token, an ALB header or a
 * certificate chain is hundreds to thousands of characters: this was the largest share of a JWT
 * request's CPU outside the service itself. It accepts and refuses exactly what the default does
 * ({@code FastHeaderCheckFirewallTests} holds the two side by side).
 */
public class FastHeaderCheckFirewall extends StrictHttpFirewall {

	/** Create the firewall; its other settings are {@code StrictHttpFirewall}'s defaults and setters. */
	public FastHeaderCheckFirewall() {
		setAllowedHeaderNames((name) -> isPrintableAscii(name, false) || ALLOWED_HEADER_NAMES.test(name));
		setAllowedParameterNames((name) -> isPrintableAscii(name, false) || ALLOWED_PARAMETER_NAMES.test(name));
		setAllowedHeaderValues((value) -> isPrintableAscii(value, true) || ALLOWED_HEADER_VALUES.test(value));
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
