package io.smsgw.router.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The router's counters. They count only what was committed: inside a Kafka transaction an
 * increment waits for the commit, so a rolled-back and redelivered batch is not counted twice.
 */
public class RouterMetrics {

	private final MeterRegistry registry;

	public RouterMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** A message was handed to a connector ({@code sms.router.routed}, tags {@code tenant}, {@code connector}). */
	public void routed(String tenantId, String connectorId) {
		count(Counter.builder("sms.router.routed")
			.description("Messages handed to a connector")
			.tag("tenant", orNone(tenantId))
			.tag("connector", connectorId)
			.register(this.registry));
	}

	/** A retriable failure moved a message off a connector ({@code sms.router.failovers}, tag {@code connector}). */
	public void failedOver(String connectorId) {
		count(Counter.builder("sms.router.failovers")
			.description("Messages moved to the next candidate after a retriable dispatch failure")
			.tag("connector", connectorId)
			.register(this.registry));
	}

	/** No route led to a message's destination ({@code sms.router.no.route}, tag {@code tenant}). */
	public void noRoute(String tenantId) {
		count(Counter.builder("sms.router.no.route")
			.description("Messages with no route to their destination")
			.tag("tenant", orNone(tenantId))
			.register(this.registry));
	}

	/**
	 * A message failed for good after dispatch ({@code sms.router.failed}, tags {@code reason},
	 * {@code tenant} and {@code connector}: the last one tried).
	 */
	public void failed(String reasonCode, String tenantId, String connectorId) {
		count(Counter.builder("sms.router.failed")
			.description("Messages failed after a dispatch failure")
			.tag("reason", reasonCode)
			.tag("tenant", orNone(tenantId))
			.tag("connector", orNone(connectorId))
			.register(this.registry));
	}

	/**
	 * A MessageAccepted record for a message that another record had already routed was skipped
	 * ({@code sms.router.duplicates.skipped}).
	 */
	public void duplicateSkipped() {
		count(Counter.builder("sms.router.duplicates.skipped")
			.description("MessageAccepted records skipped because another record had already routed the message")
			.register(this.registry));
	}

	/** A record the router could not read went to a dead-letter topic ({@code sms.router.dead.letters}). */
	public void deadLettered(String topic) {
		count(Counter.builder("sms.router.dead.letters")
			.description("Unreadable records parked on a dead-letter topic")
			.tag("topic", topic)
			.register(this.registry));
	}

	private static String orNone(String value) {
		return (value == null || value.isBlank()) ? "none" : value;
	}

	private static void count(Counter counter) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

}
