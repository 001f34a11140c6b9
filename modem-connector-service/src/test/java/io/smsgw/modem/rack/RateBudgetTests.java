package io.smsgw.modem.rack;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sliding-minute budget of a modem.
 */
class RateBudgetTests {

	private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

	@Test
	void allowsAtMostTheBudgetInAnyMinute() {
		RateBudget budget = new RateBudget(3);

		assertThat(budget.tryAcquire(2, T0)).isTrue();
		assertThat(budget.tryAcquire(1, T0.plusSeconds(30))).isTrue();
		assertThat(budget.tryAcquire(1, T0.plusSeconds(59))).isFalse();
		// the first two fall out of the window
		assertThat(budget.tryAcquire(2, T0.plusSeconds(60))).isTrue();
		assertThat(budget.tryAcquire(1, T0.plusSeconds(61))).isFalse();
	}

	@Test
	void letsAMessageLargerThanTheBudgetGoWhenTheMinuteIsFree() {
		RateBudget budget = new RateBudget(2);

		assertThat(budget.tryAcquire(5, T0)).isTrue();
		assertThat(budget.tryAcquire(1, T0.plusSeconds(59))).isFalse();
		assertThat(budget.tryAcquire(1, T0.plusSeconds(60))).isTrue();
	}

}
