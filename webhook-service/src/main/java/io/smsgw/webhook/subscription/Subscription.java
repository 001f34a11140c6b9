package io.smsgw.webhook.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.smsgw.common.event.MessageStatus;
import io.smsgw.webhook.http.Urls;

/**
 * A tenant's webhook subscription: where to send which events. Its signing secrets are not part of
 * it (see {@link SubscriptionStore#signingSecrets}).
 *
 * @param id the subscription id
 * @param tenantId the owner
 * @param url the endpoint
 * @param eventTypes the event types sent to it ({@link EventTypes})
 * @param statuses for {@code message.status}: the statuses sent; empty for all
 * @param description the tenant's note, or {@code null}
 * @param enabled whether events are sent to it
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs, or {@code null}
 */
public record Subscription(UUID id, String tenantId, String url, List<String> eventTypes,
		List<MessageStatus> statuses, String description, boolean enabled, Instant createdAt, Instant updatedAt,
		Instant previousSecretExpiresAt) {

	public Subscription {
		eventTypes = List.copyOf(eventTypes);
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
	}

	/** Whether an event of this type (and, for status events, this status) is sent to it. */
	public boolean wants(String eventType, MessageStatus status) {
		if (!this.enabled || !this.eventTypes.contains(eventType)) {
			return false;
		}
		return status == null || this.statuses.isEmpty() || this.statuses.contains(status);
	}

	/** Without the URL's query, fragment and user info, which may carry the tenant's tokens. */
	@Override
	public String toString() {
		return "Subscription[id=" + this.id + ", tenantId=" + this.tenantId + ", url=" + Urls.redact(this.url)
				+ ", eventTypes=" + this.eventTypes + ", statuses=" + this.statuses + ", enabled=" + this.enabled + "]";
	}

}
