package io.smsgw.router.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.smsgw.common.event.ConnectorHealth;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTrackerTests {

	private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

	private final HealthTracker tracker = new HealthTracker(Duration.ofMinutes(2), Clock.fixed(this.now, ZoneOffset.UTC));

	@Test
	void unknownConnectorCountsAsUp() {
		assertThat(this.tracker.isDown("x")).isFalse();
	}

	@Test
	void downWhenEveryFreshReportSaysNoLinkIsUp() {
		this.tracker.report(new ConnectorHealth("x", "i1", 0, 2, this.now.minusSeconds(5)));
		this.tracker.report(new ConnectorHealth("x", "i2", 0, 2, this.now.minusSeconds(5)));
		assertThat(this.tracker.isDown("x")).isTrue();
		this.tracker.report(new ConnectorHealth("x", "i2", 1, 2, this.now.minusSeconds(1)));
		assertThat(this.tracker.isDown("x")).isFalse();
	}

	@Test
	void staleReportsAndOlderReportsAreIgnored() {
		this.tracker.report(new ConnectorHealth("x", "i1", 0, 2, this.now.minusSeconds(300)));
		assertThat(this.tracker.isDown("x")).isFalse();
		this.tracker.report(new ConnectorHealth("y", "i1", 1, 2, this.now.minusSeconds(1)));
		this.tracker.report(new ConnectorHealth("y", "i1", 0, 2, this.now.minusSeconds(10)));
		assertThat(this.tracker.isDown("y")).isFalse();
	}

}
