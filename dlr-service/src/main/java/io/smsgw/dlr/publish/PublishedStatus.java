package io.smsgw.dlr.publish;

import java.time.Duration;
import java.time.Instant;

import io.smsgw.common.event.StatusChanged;

/**
 * A status change as published, with what the metrics need to know about its message.
 *
 * @param change the event sent to Kafka
 * @param acceptedAt when the API accepted the message, or {@code null} if the dlr never saw it
 * @param sentAt when the network took the message, or {@code null} if it never did
 * @param connectorId the connector that sent the message last, or {@code null}
 */
record PublishedStatus(StatusChanged change, Instant acceptedAt, Instant sentAt, String connectorId) {

	/** From acceptance to this change, or {@code null} when either time is unknown or out of order. */
	Duration sinceAccepted() {
		return between(this.acceptedAt, this.change.at());
	}

	/** From the network taking the message to this change, or {@code null}. */
	Duration sinceSent() {
		return between(this.sentAt, this.change.at());
	}

	private static Duration between(Instant from, Instant to) {
		if (from == null || to == null || to.isBefore(from)) {
			return null;
		}
		return Duration.between(from, to);
	}

}
