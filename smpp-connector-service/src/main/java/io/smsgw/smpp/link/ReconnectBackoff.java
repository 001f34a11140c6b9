package io.smsgw.smpp.link;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Pauses between bind attempts: doubling from {@code initial} up to {@code max}, each spread by
 * a random factor in {@code [1 - jitter, 1 + jitter]} so that many connectors do not reconnect
 * in step after an SMSC restart.
 *
 * @param initial the first pause
 * @param max the longest pause
 * @param jitter spread, 0 (none) to 1
 */
public record ReconnectBackoff(Duration initial, Duration max, double jitter) {

	public ReconnectBackoff {
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be 0..1, was " + jitter);
		}
	}

	/**
	 * The pause before a bind attempt.
	 * @param failures consecutive failed attempts so far (0 before the first retry)
	 * @param random a source of numbers in {@code [0, 1)}
	 */
	public Duration delay(int failures, DoubleSupplier random) {
		double base = this.initial.toMillis() * Math.pow(2, Math.min(failures, 30));
		double capped = Math.min(base, this.max.toMillis());
		double spread = 1 + this.jitter * (2 * random.getAsDouble() - 1);
		return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
	}

}
