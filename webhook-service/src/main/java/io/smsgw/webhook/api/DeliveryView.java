package io.smsgw.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smsgw.webhook.delivery.DeliveryAttempt;
import io.smsgw.webhook.delivery.DeliveryRecord;
import io.smsgw.webhook.http.Urls;

/**
 * One delivery (an event to one target) as the API shows it; {@code attemptLog} only when one
 * event is read.
 *
 * @param eventId the event
 * @param eventType its type
 * @param messageId the message (or inbound message) it is about
 * @param subscriptionId the subscription, absent for a message's own callback URL
 * @param url the endpoint
 * @param state {@code pending}, {@code delivered} or {@code failed}
 * @param attempts attempts in the current round
 * @param lastStatus HTTP status of the last attempt
 * @param lastError why the last attempt or the delivery failed
 * @param createdAt when the event was queued
 * @param lastAttemptAt when the last attempt was made
 * @param nextAttemptAt when a pending delivery is due
 * @param deliveredAt when the endpoint accepted it
 * @param attemptLog every attempt of the current round, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(UUID eventId, String eventType, UUID messageId, UUID subscriptionId, String url, String state,
		int attempts, Integer lastStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
		Instant nextAttemptAt, Instant deliveredAt, List<DeliveryAttempt> attemptLog) {

	static DeliveryView of(DeliveryRecord record, List<DeliveryAttempt> attemptLog) {
		return new DeliveryView(record.eventId(), record.eventType(), record.messageId(), record.subscriptionId(),
				record.url(), record.state().name().toLowerCase(Locale.ROOT), record.attempts(), record.lastStatus(),
				record.lastError(), record.createdAt(), record.lastAttemptAt(),
				record.state().name().equals("PENDING") ? record.nextAttemptAt() : null, record.deliveredAt(),
				attemptLog);
	}

	/** Without the URL's query, fragment and user info (for logs). */
	@Override
	public String toString() {
		return "DeliveryView[eventId=" + this.eventId + ", url=" + Urls.redact(this.url) + ", state=" + this.state
				+ ", attempts=" + this.attempts + ", lastStatus=" + this.lastStatus + "]";
	}

}
