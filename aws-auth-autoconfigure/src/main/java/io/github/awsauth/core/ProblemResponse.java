package io.github.awsauth.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 {@code application/problem+json} body. The JSON is written by hand so the
 * security layer works whatever JSON library (if any) the application uses.
 */
public final class ProblemResponse {

	/** The media type of a problem body. */
	public static final String CONTENT_TYPE = "application/problem+json";

	private ProblemResponse() {
	}

	/**
	 * Answer a request with a problem.
	 * @param request the request, whose path is the problem's {@code instance}
	 * @param response the response
	 * @param status the status
	 * @param detail what went wrong, for the caller; never a secret or a stack trace
	 * @throws IOException if the body cannot be written
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		write(request, response, status, detail, null);
	}

	/**
	 * Answer a request with a problem that names the decision behind it.
	 * @param request the request, whose path is the problem's {@code instance}
	 * @param response the response
	 * @param status the status
	 * @param detail what went wrong, for the caller; never a secret or a stack trace
	 * @param decisionId the id of the decision, also in its log line, or {@code null}
	 * @throws IOException if the body cannot be written
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			@Nullable String decisionId) throws IOException {
		String body = "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
				+ status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(request.getRequestURI())
				+ ((decisionId != null) ? ",\"decisionId\":" + quote(decisionId) : "") + "}";
		response.setStatus(status.value());
		response.setContentType(CONTENT_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(body);
	}

	private static String quote(String value) {
		StringBuilder json = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
