package io.smsgw.modem.rack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A modem's sending budget: at most so many SMS parts in any sliding minute. A message with more
 * parts than the whole budget may still go when nothing was sent in the last minute, so that it
 * is never stuck.
 */
final class RateBudget {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final int perMinute;

	private final Deque<Instant> sent = new ArrayDeque<>();

	RateBudget(int perMinute) {
		this.perMinute = perMinute;
	}

	/** Parts that fit in the budget now (0 when it is used up). */
	synchronized int available(Instant now) {
		expire(now);
		return Math.max(0, this.perMinute - this.sent.size());
	}

	private void expire(Instant now) {
		Instant windowStart = now.minus(WINDOW);
		while (!this.sent.isEmpty() && !this.sent.peekFirst().isAfter(windowStart)) {
			this.sent.pollFirst();
		}
	}

	/** Takes {@code parts} from the budget if they fit, and answers whether they did. */
	synchronized boolean tryAcquire(int parts, Instant now) {
		expire(now);
		if (!this.sent.isEmpty() && this.sent.size() + parts > this.perMinute) {
			return false;
		}
		for (int i = 0; i < parts; i++) {
			this.sent.addLast(now);
		}
		return true;
	}

}
