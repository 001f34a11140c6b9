package io.smsgw.webhook.delivery;

import java.util.UUID;

/**
 * A callback to deliver to a tenant: what any kind of event (status change, later inbound
 * message) becomes before it is signed and sent.
 *
 * @param eventId the event id, unique per callback; delivery is idempotent on it
 * @param messageId the message the event is about
 * @param tenantId the tenant whose secret signs the callback
 * @param type the event type as tenants see it, e.g. {@code message.status}
 * @param url the endpoint, as the tenant gave it (not yet checked)
 * @param body the JSON body; signed and sent byte for byte
 */
public record Callback(UUID eventId, UUID messageId, String tenantId, String type, String url, byte[] body) {

	@Override
	public String toString() {
		return "Callback[eventId=" + this.eventId + ", messageId=" + this.messageId + ", tenantId=" + this.tenantId
				+ ", type=" + this.type + "]";
	}

}
