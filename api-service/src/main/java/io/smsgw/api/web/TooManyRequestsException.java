package io.smsgw.api.web;

import java.time.Duration;

/**
 * A tenant's rate limit or daily quota is used up; answered 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least 1. */
	public long retryAfterSeconds() {
		long seconds = (this.retryAfter.toMillis() + 999) / 1000;
		return Math.max(1, seconds);
	}

}
