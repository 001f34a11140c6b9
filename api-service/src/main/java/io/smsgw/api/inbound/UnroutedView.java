package io.smsgw.api.inbound;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbound message nobody owns (no tenant has its number, short code or keyword), as operators
 * see it.
 *
 * @param id the gateway's id of the inbound message
 * @param connectorId the connector it came in on
 * @param from the sender
 * @param to the number or short code it was sent to
 * @param body the text
 * @param complete {@code false} when parts of a concatenated message never arrived
 * @param receivedAt when the gateway received it
 */
public record UnroutedView(UUID id, String connectorId, String from, String to, String body, boolean complete,
		Instant receivedAt) {
}
