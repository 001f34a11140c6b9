package io.smsgw.webhook.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the delivery log: one event to one target.
 *
 * @param id the row id (the list's cursor)
 * @param eventId the event delivered
 * @param eventType its type, e.g. {@code message.status}
 * @param messageId the message it is about
 * @param tenantId the tenant called back
 * @param subscriptionId the subscription, or {@code null} for the message's own callback URL
 * @param url the endpoint as given
 * @param state where the delivery stands
 * @param attempts HTTP attempts made in the current round
 * @param lastStatus the HTTP status of the last attempt, or {@code null} (no answer, or none yet)
 * @param lastError why the last attempt or the delivery failed, or {@code null}
 * @param firstAttemptAt when the current round's first attempt was made, or {@code null}
 * @param lastAttemptAt when the last attempt was made, or {@code null}
 * @param nextAttemptAt when a pending delivery is due, or {@code null}
 * @param deliveredAt when the endpoint accepted it, or {@code null}
 * @param createdAt when the event was queued for this target
 */
public record DeliveryRecord(long id, UUID eventId, String eventType, UUID messageId, String tenantId,
		UUID subscriptionId, String url, DeliveryState state, int attempts, Integer lastStatus, String lastError,
		Instant firstAttemptAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {

}
