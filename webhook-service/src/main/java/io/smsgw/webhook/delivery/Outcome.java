package io.smsgw.webhook.delivery;

import java.time.Instant;

/**
 * What became of one claimed delivery, to be written to the delivery log by the {@link OutcomeWriter}:
 * an HTTP attempt (accepted, or due again at {@code next}), a release without an attempt (due again at
 * {@code next}), or a failure (given up, after an attempt or without one). Until it is written the
 * delivery stays claimed (its lease), so nobody takes it and a later callback of its message waits.
 *
 * @param id the delivery's row id
 * @param attempt the HTTP attempt made, or {@code null} when none was made
 * @param delivered whether the attempt was accepted (2xx)
 * @param next when the delivery is due again; {@code null} when delivered or failed without an attempt
 * @param failure why the delivery is given up, or {@code null}
 */
record Outcome(long id, DeliveryAttempt attempt, boolean delivered, Instant next, String failure) {

	static Outcome delivered(long id, DeliveryAttempt attempt) {
		return new Outcome(id, attempt, true, null, null);
	}

	static Outcome retry(long id, DeliveryAttempt attempt, Instant next) {
		return new Outcome(id, attempt, false, next, null);
	}

	static Outcome released(long id, Instant next) {
		return new Outcome(id, null, false, next, null);
	}

	static Outcome failed(long id, DeliveryAttempt attempt, String reason) {
		return new Outcome(id, attempt, false, (attempt != null) ? attempt.at() : null, reason);
	}

	boolean isRelease() {
		return this.attempt == null && this.failure == null;
	}

}
