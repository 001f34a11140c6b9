package io.smsgw.api.web;

import java.time.Duration;

/**
 * The service cannot take more work right now (a full queue, a shutdown); answered 503 with
 * {@code Retry-After}. Nothing of the request was stored: it may be sent again.
 */
public class ServiceBusyException extends RuntimeException {

	private final Duration retryAfter;

	public ServiceBusyException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least 1. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
