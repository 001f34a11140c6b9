package io.smsgw.webhook.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backoff, jitter, cap, {@code Retry-After} and the total budget of {@link RetryPolicy}.
 */
class RetryPolicyTests {

	private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

	private final RetryPolicy noJitter = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.0,
			Duration.ofMinutes(5), () -> 0.5);

	@Test
	void doublesThePauseUpToTheCap() {
		assertThat(this.noJitter.nextDelay(1, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.noJitter.nextDelay(2, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.noJitter.nextDelay(5, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(16));
		assertThat(this.noJitter.nextDelay(7, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.noJitter.nextDelay(40, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void jitterSpreadsThePauseBothWays() {
		RetryPolicy low = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0.2,
				Duration.ofMinutes(5), () -> 0.0);
		RetryPolicy high = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60), 0.2,
				Duration.ofMinutes(5), () -> 0.999);
		assertThat(low.nextDelay(1, FIRST, FIRST, null)).isEqualTo(Duration.ofSeconds(8));
		assertThat(high.nextDelay(1, FIRST, FIRST, null)).isBetween(Duration.ofMillis(11_990),
				Duration.ofSeconds(12));
	}

	@Test
	void retryAfterLongerThanTheBackoffWins() {
		assertThat(this.noJitter.nextDelay(1, FIRST, FIRST, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.noJitter.nextDelay(1, FIRST, FIRST, Duration.ofSeconds(120)))
			.isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void retryAfterShorterThanTheBackoffDoesNotShortenIt() {
		assertThat(this.noJitter.nextDelay(3, FIRST, FIRST, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void givesUpWhenTheNextAttemptWouldStartPastTheTotalTime() {
		Instant now = FIRST.plus(Duration.ofMinutes(4)).plusSeconds(50);
		assertThat(this.noJitter.nextDelay(3, FIRST, now, null)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.noJitter.nextDelay(5, FIRST, now, null)).isNull();
		assertThat(this.noJitter.nextDelay(1, FIRST, FIRST, Duration.ofMinutes(6))).isNull();
	}

}
