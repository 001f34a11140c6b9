package io.smsgw.common.event;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of a message's tenant-facing status. Written by the dlr-service only; read by the
 * API's read model and the webhook-service.
 *
 * @param eventId stable id of this change: the same message and status always give the same id
 * @param messageId the gateway's id of the message
 * @param tenantId the tenant that owns the message
 * @param status the new status
 * @param at when the change happened in the network (or in the gateway)
 * @param errorCode the network's error code, or {@code null}
 * @param detail a readable explanation, or {@code null}
 * @param callbackUrl the message's callback URL, or {@code null}
 * @param price what the message cost (the route's price per part times the parts sent), once it
 * was sent through a route with a price; {@code null} otherwise
 */
@EventSchema(name = "StatusChanged", version = 1)
public record StatusChanged(UUID eventId, UUID messageId, String tenantId, MessageStatus status, Instant at,
		String errorCode, String detail, String callbackUrl, BigDecimal price) implements SmsEvent {

	/** A status change with its stable event id, without a price. */
	public static StatusChanged of(UUID messageId, String tenantId, MessageStatus status, Instant at,
			String errorCode, String detail, String callbackUrl) {
		return of(messageId, tenantId, status, at, errorCode, detail, callbackUrl, null);
	}

	/** A status change with its stable event id and the message's price. */
	public static StatusChanged of(UUID messageId, String tenantId, MessageStatus status, Instant at,
			String errorCode, String detail, String callbackUrl, BigDecimal price) {
		return new StatusChanged(eventIdOf(messageId, status), messageId, tenantId, status, at, errorCode, detail,
				callbackUrl, price);
	}

	/** The stable event id of a message reaching a status. */
	public static UUID eventIdOf(UUID messageId, MessageStatus status) {
		return UUID.nameUUIDFromBytes((messageId + ":" + status.name()).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
