package io.smsgw.dlr.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.smsgw.common.event.MessageStatus;

/**
 * The dlr-service's counters: {@code sms.dlr.status.published} (tag {@code status}) and
 * {@code sms.dlr.receipts} (tag {@code result}: matched, pending, unmatched, unreadable) and
 * {@code sms.dlr.expired}.
 */
public class DlrMetrics {

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
