package io.smsgw.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter inside a total time budget, honouring the endpoint's
 * {@code Retry-After}. Plain Java, no framework types.
 *
 * @param initialBackoff pause after the first failed attempt
 * @param multiplier growth of the pause per further attempt
 * @param maxBackoff the longest pause the backoff itself chooses
 * @param jitter spread of each pause as a fraction: the pause is drawn from
 * {@code [p·(1-jitter), p·(1+jitter))}, capped at {@code maxBackoff}
 * @param maxTotal no attempt is scheduled later than this after the round's first attempt
 * @param random source of uniform numbers in [0, 1)
 */
public record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter,
		Duration maxTotal, DoubleSupplier random) {

	/**
	 * The pause before the next attempt, or {@code null} to give up.
	 * @param attemptsMade attempts made so far in this round (at least 1)
	 * @param firstAttemptAt when the round's first attempt started
	 * @param now the clock
	 * @param retryAfter the endpoint's {@code Retry-After}, or {@code null}
	 */
	public Duration nextDelay(int attemptsMade, Instant firstAttemptAt, Instant now, Duration retryAfter) {
		double base = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, attemptsMade - 1));
		double spread = 1.0 - this.jitter + 2.0 * this.jitter * this.random.getAsDouble();
		long millis = (long) Math.min(base * spread, this.maxBackoff.toMillis());
		Duration delay = Duration.ofMillis(Math.max(millis, 1));
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = retryAfter;
		}
		Instant deadline = firstAttemptAt.plus(this.maxTotal);
		return now.plus(delay).isAfter(deadline) ? null : delay;
	}

}
