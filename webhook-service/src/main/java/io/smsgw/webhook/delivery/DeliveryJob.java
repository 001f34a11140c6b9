package io.smsgw.webhook.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery claimed by this instance for one attempt.
 *
 * @param id the delivery's row id
 * @param eventId the event
 * @param messageId the message it is about
 * @param tenantId the tenant called back
 * @param url the endpoint
 * @param endpoint host and port of the endpoint: the unit of circuit breaking and concurrency
 * @param subscriptionId the subscription, or {@code null} for a message's own callback URL
 * @param body the JSON body
 * @param attempts attempts made in this round
 * @param roundStartedAt when the delivery was queued (or redelivered): retries stop after the retry budget
 * @param lastError the last failure, or {@code null}
 * @param sourceTopic the topic of the event the callback came from (its dead-letter topic takes it when given up)
 * @param source the source event as serialized on that topic
 */
record DeliveryJob(long id, UUID eventId, UUID messageId, String tenantId, String url, String endpoint,
		UUID subscriptionId, byte[] body, int attempts, Instant roundStartedAt, String lastError, String sourceTopic,
		byte[] source) {

	@Override
	public String toString() {
		return "DeliveryJob[id=" + this.id + ", eventId=" + this.eventId + ", endpoint=" + this.endpoint + "]";
	}

}
