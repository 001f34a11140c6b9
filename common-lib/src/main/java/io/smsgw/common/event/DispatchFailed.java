package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A connector could not hand a message to the network.
 *
 * @param messageId the gateway's id of the message
 * @param connectorId the connector that tried
 * @param attempt the attempt number of the dispatch that failed
 * @param errorCode the network's code, e.g. {@code 0x0000000B} for an SMPP command_status
 * @param reason a readable reason
 * @param retriable whether another route (or a later try) may succeed
 * @param failedAt when it failed
 * @param request the dispatch that failed, so that the router can offer it to the next candidate
 * without storing every message itself ({@code null} in events written before it was added)
 */
@EventSchema(name = "DispatchFailed", version = 1)
public record DispatchFailed(UUID messageId, String connectorId, int attempt, String errorCode, String reason,
		boolean retriable, Instant failedAt, DispatchRequest request) implements SmsEvent {

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
