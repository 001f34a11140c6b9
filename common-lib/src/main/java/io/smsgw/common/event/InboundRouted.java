package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbound (MO) message matched to the tenant that owns its number, short code or keyword.
 * Written by the api-service (which owns numbers, keywords and suppression lists); read by the
 * webhook-service, which calls the owner back.
 *
 * @param eventId stable id of this event (the same inbound message always gives the same id)
 * @param inboundId the gateway's id of the inbound message
 * @param tenantId the owner
 * @param connectorId the connector it came in on
 * @param from the sender (usually E.164)
 * @param to the number or short code it was sent to
 * @param body the decoded text
 * @param keyword the owner's keyword it matched, or {@code null} when the number is owned outright
 * @param action what the gateway did about it: {@code STOP}, {@code START}, {@code HELP}, or
 * {@code null} for an ordinary message
 * @param complete {@code false} when parts of a concatenated message never arrived
 * @param receivedAt when the connector received it
 */
@EventSchema(name = "InboundRouted", version = 1)
public record InboundRouted(UUID eventId, UUID inboundId, String tenantId, String connectorId, String from,
		String to, String body, String keyword, String action, boolean complete, Instant receivedAt)
		implements SmsEvent {

	/** The routed event of an inbound message, with its stable event id. */
	public static InboundRouted of(InboundReceived inbound, String tenantId, String keyword, String action) {
		return new InboundRouted(eventIdOf(inbound.inboundId()), inbound.inboundId(), tenantId,
				inbound.connectorId(), inbound.from(), inbound.to(), inbound.body(), keyword, action,
				inbound.complete(), inbound.receivedAt());
	}

	/** The stable event id of an inbound message's callback. */
	public static UUID eventIdOf(UUID inboundId) {
		return UUID.nameUUIDFromBytes(("inbound:" + inboundId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Override
	public String key() {
		return this.inboundId.toString();
	}

}
