package io.smsgw.webhook.delivery;

import java.util.UUID;

/**
 * A callback to deliver: what any kind of event (status change, inbound message) becomes for one
 * target before it is queued, signed and sent.
 *
 * @param eventId the event id; delivery is idempotent on it and the target
 * @param messageId the message (or inbound message) the event is about; callbacks of one message
 * to one target are sent in the order they were queued
 * @param tenantId the tenant called back
 * @param type the event type as tenants see it, e.g. {@code message.status}
 * @param url the endpoint, as the tenant gave it (checked before each attempt)
 * @param body the JSON body; signed and sent byte for byte
 * @param subscriptionId the subscription it goes to (signed with its secrets), or {@code null} for
 * the message's own callback URL (signed with the tenant's secret)
 */
public record Callback(UUID eventId, UUID messageId, String tenantId, String type, String url, byte[] body,
		UUID subscriptionId) {

	/** The target of the callback, unique per event: the subscription id, or {@code callback}. */
	public String target() {
		return (this.subscriptionId != null) ? this.subscriptionId.toString() : "callback";
	}

	@Override
	public String toString() {
		return "Callback[eventId=" + this.eventId + ", messageId=" + this.messageId + ", tenantId=" + this.tenantId
				+ ", type=" + this.type + ", target=" + target() + "]";
	}

}
