package io.smsgw.smpp.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTests {

	private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

	@Test
	void doublesUpToTheMaximum() {
		assertThat(this.backoff.delay(0, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.backoff.delay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.backoff.delay(10, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.backoff.delay(1000, () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void spreadsByTheJitter() {
		assertThat(this.backoff.delay(2, () -> 0.0)).isEqualTo(Duration.ofMillis(3200));
		assertThat(this.backoff.delay(2, () -> 0.999999)).isBetween(Duration.ofMillis(4799), Duration.ofMillis(4800));
	}

	@Test
	void refusesImpossibleSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5));
	}

}
