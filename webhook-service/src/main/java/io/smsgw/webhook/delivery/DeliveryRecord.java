package io.smsgw.webhook.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the delivery log.
 *
 * @param eventId the event delivered
 * @param messageId the message it is about
 * @param tenantId the tenant called back
 * @param url the endpoint as given
 * @param state where the delivery stands
 * @param attempts HTTP attempts made in the current round
 * @param lastStatus the HTTP status of the last attempt, or {@code null} (no answer, or none yet)
 * @param lastError why the last attempt or the delivery failed, or {@code null}
 * @param firstAttemptAt when the current round's first attempt was made, or {@code null}
 * @param deliveredAt when the endpoint accepted it, or {@code null}
 */
public record DeliveryRecord(UUID eventId, UUID messageId, String tenantId, String url, DeliveryState state,
		int attempts, Integer lastStatus, String lastError, Instant firstAttemptAt, Instant deliveredAt) {

}
