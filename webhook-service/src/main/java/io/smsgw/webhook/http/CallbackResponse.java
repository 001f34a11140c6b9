package io.smsgw.webhook.http;

import java.time.Duration;

/**
 * What one attempt of a callback gave.
 *
 * @param status the HTTP status, or {@code null} when no answer came (I/O error, timeout)
 * @param error a short description of the failure, or {@code null} on success
 * @param retryAfter the endpoint's {@code Retry-After}, or {@code null}
 * @param elapsed how long the attempt took
 */
public record CallbackResponse(Integer status, String error, Duration retryAfter, Duration elapsed) {

	/** An endpoint answered. */
	public static CallbackResponse answered(int status, Duration retryAfter, Duration elapsed) {
		return answered(status, retryAfter, null, elapsed);
	}

	/**
	 * An endpoint answered, maybe with a redirect: redirects are never followed (the place they
	 * point to was never checked against the SSRF rules), the attempt fails and says so.
	 */
	public static CallbackResponse answered(int status, Duration retryAfter, String location, Duration elapsed) {
		boolean ok = status >= 200 && status < 300;
		String error = null;
		if (!ok) {
			error = "HTTP " + status;
			if (status >= 300 && status < 400) {
				error += ": redirect not followed" + ((location != null) ? " (Location: " + Urls.redact(location) + ")" : "");
			}
		}
		return new CallbackResponse(status, error, ok ? null : retryAfter, elapsed);
	}

	/** No answer: the connection failed or timed out. */
	public static CallbackResponse unanswered(String error, Duration elapsed) {
		return new CallbackResponse(null, error, null, elapsed);
	}

	/** Whether the endpoint accepted the callback (any 2xx). */
	public boolean accepted() {
		return this.status != null && this.status >= 200 && this.status < 300;
	}

}
