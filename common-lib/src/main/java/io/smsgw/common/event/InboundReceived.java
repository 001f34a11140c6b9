package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A mobile-originated message, reassembled when it came in parts.
 *
 * @param inboundId the gateway's id of the inbound message
 * @param connectorId the connector it came in on
 * @param from the sender (usually E.164)
 * @param to the number or short code it was sent to
 * @param body the decoded text
 * @param complete {@code false} when parts of a concatenated message never arrived
 * @param receivedAt when the connector received it (the last part)
 */
@EventSchema(name = "InboundReceived", version = 1)
public record InboundReceived(UUID inboundId, String connectorId, String from, String to, String body,
		boolean complete, Instant receivedAt) implements SmsEvent {

	@Override
	public String key() {
		return this.inboundId.toString();
	}

}
