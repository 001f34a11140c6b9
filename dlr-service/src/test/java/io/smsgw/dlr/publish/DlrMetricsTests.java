package io.smsgw.dlr.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;

import static org.assertj.core.api.Assertions.assertThat;

class DlrMetricsTests {

	private static final Instant ACCEPTED = Instant.parse("2025-01-01T10:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DlrMetrics metrics = new DlrMetrics(this.registry);

	@Test
	void sentCountsByTenantAndConnectorAndRecordsTheTimeFromAcceptance() {
		this.metrics.published(published(MessageStatus.SENT, ACCEPTED.plusMillis(1500), null));

		assertThat(this.registry.get("sms.messages.sent").tags("tenant", "acme", "connector", "smsc-a").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("sms.dlr.accept.to.sent").tags("connector", "smsc-a").timer()
			.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
		assertThat(this.registry.get("sms.dlr.status.published").tags("status", "SENT").counter().count()).isEqualTo(1);
		assertThat(this.registry.find("sms.messages.final").counter()).isNull();
	}

	@Test
	void finalStatusesCountByStatusAndReceiptsRecordTheTimeFromSent() {
		Instant sent = ACCEPTED.plusSeconds(1);
		this.metrics.published(published(MessageStatus.DELIVERED, sent.plusSeconds(30), sent));
		this.metrics.published(published(MessageStatus.UNDELIVERED, sent.plusSeconds(5), sent));

		assertThat(this.registry.get("sms.messages.final").tags("status", "DELIVERED", "tenant", "acme", "connector",
				"smsc-a").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("sms.messages.final").tags("status", "UNDELIVERED").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("sms.dlr.sent.to.receipt").tags("status", "DELIVERED").timer()
			.totalTime(TimeUnit.SECONDS)).isEqualTo(30);
	}

	@Test
	void aFailureWithoutConnectorOrSentTimeCountsUnderNoneAndRecordsNoLatency() {
		StatusChanged failed = StatusChanged.of(UUID.randomUUID(), "acme", MessageStatus.FAILED, ACCEPTED.plusSeconds(2),
				"NO_ROUTE", null, null);
		this.metrics.published(new PublishedStatus(failed, ACCEPTED, null, null));

		assertThat(this.registry.get("sms.messages.final").tags("status", "FAILED", "connector", "none").counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find("sms.dlr.sent.to.receipt").timer()).isNull();
	}

	@Test
	void aReceiptTimedBeforeItsSubmitRecordsNoNegativeLatency() {
		Instant sent = ACCEPTED.plusSeconds(10);
		this.metrics.published(published(MessageStatus.DELIVERED, sent.minus(Duration.ofSeconds(1)), sent));

		assertThat(this.registry.find("sms.dlr.sent.to.receipt").timer()).isNull();
		assertThat(this.registry.get("sms.messages.final").counter().count()).isEqualTo(1);
	}

	private static PublishedStatus published(MessageStatus status, Instant at, Instant sentAt) {
		StatusChanged change = StatusChanged.of(UUID.randomUUID(), "acme", status, at, null, null, null);
		return new PublishedStatus(change, ACCEPTED, sentAt, "smsc-a");
	}

}
