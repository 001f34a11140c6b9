package io.smsgw.api.inbound;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbound (MO) message as its owner sees it.
 *
 * @param id the gateway's id of the inbound message
 * @param from the sender
 * @param to the number or short code it was sent to
 * @param body the text
 * @param keyword the tenant's keyword it matched on a shared short code, or {@code null}
 * @param action {@code STOP}, {@code START} or {@code HELP} when it was one of those keywords,
 * else {@code null}
 * @param complete {@code false} when parts of a concatenated message never arrived
 * @param receivedAt when the gateway received it
 */
public record InboundView(UUID id, String from, String to, String body, String keyword, String action,
		boolean complete, Instant receivedAt) {
}
