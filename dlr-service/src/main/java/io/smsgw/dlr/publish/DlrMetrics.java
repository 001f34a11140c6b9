package io.smsgw.dlr.publish;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.smsgw.common.event.MessageStatus;

/**
 * The dlr-service's meters: {@code sms.dlr.status.published} (tag {@code status}),
 * {@code sms.dlr.receipts} (tag {@code result}: matched, pending, unmatched, unreadable),
 * {@code sms.dlr.expired}, the message counters {@code sms.messages.sent} and
 * {@code sms.messages.final} (tags tenant, connector and, for final, status) and the latency
 * histograms {@code sms.dlr.accept.to.sent} and {@code sms.dlr.sent.to.receipt}. See
 * docs/metrics.md.
 */
public class DlrMetrics {

	static final String NONE = "none";

	private final MeterRegistry registry;

	public DlrMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A StatusChanged was published (and acknowledged by Kafka). */
	public void published(MessageStatus status) {
		Counter.builder("sms.dlr.status.published")
			.description("StatusChanged events published")
			.tag("status", status.name())
			.register(this.registry)
			.increment();
	}

	/** A StatusChanged was published: counts it and records the latencies it ends. */
	void published(PublishedStatus published) {
		MessageStatus status = published.change().status();
		published(status);
		String tenant = orNone(published.change().tenantId());
		String connector = orNone(published.connectorId());
		if (status == MessageStatus.SENT) {
			Counter.builder("sms.messages.sent")
				.description("Messages the network took, by tenant and connector")
				.tags("tenant", tenant, "connector", connector)
				.register(this.registry)
				.increment();
			record(published.sinceAccepted(), Timer.builder("sms.dlr.accept.to.sent")
				.description("From acceptance by the API to the network taking the message")
				.tag("connector", connector)
				.maximumExpectedValue(Duration.ofHours(1)));
		}
		if (status.isFinal()) {
			Counter.builder("sms.messages.final")
				.description("Messages that reached a final status, by status, tenant and connector")
				.tags("status", status.name(), "tenant", tenant, "connector", connector)
				.register(this.registry)
				.increment();
			if (status == MessageStatus.DELIVERED || status == MessageStatus.UNDELIVERED
					|| status == MessageStatus.REJECTED) {
				record(published.sinceSent(), Timer.builder("sms.dlr.sent.to.receipt")
					.description("From the network taking the message to its final receipt")
					.tags("connector", connector, "status", status.name())
					.maximumExpectedValue(Duration.ofDays(2)));
			}
		}
	}

	private void record(Duration latency, Timer.Builder timer) {
		if (latency != null) {
			timer.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(10))
				.register(this.registry)
				.record(latency);
		}
	}

	private static String orNone(String value) {
		return (value == null || value.isBlank()) ? NONE : value;
	}

	/**
	 * Receipts by what became of them.
	 * @param result matched (to a known part, now or after waiting), pending (parked until the
	 * MessageSent of its part), unmatched (expired while parked) or unreadable (no state)
	 */
	public void receipts(String result, int count) {
		if (count > 0) {
			Counter.builder("sms.dlr.receipts")
				.description("Delivery receipts by correlation result")
				.tag("result", result)
				.register(this.registry)
				.increment(count);
		}
	}

	/** Messages the expiry sweep moved to EXPIRED. */
	public void expired(int count) {
		if (count > 0) {
			Counter.builder("sms.dlr.expired")
				.description("Messages expired with no final receipt")
				.register(this.registry)
				.increment(count);
		}
	}

}
