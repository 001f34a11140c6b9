package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The router's final verdict: the message will not be sent.
 *
 * @param messageId the gateway's id of the message
 * @param reasonCode a stable code, e.g. {@code NO_ROUTE} or {@code ALL_ROUTES_FAILED}
 * @param errorCode the network's code from the last failed attempt, or {@code null}
 * @param detail a readable explanation
 * @param failedAt when the verdict was made
 */
@EventSchema(name = "MessageFailed", version = 1)
public record MessageFailed(UUID messageId, String reasonCode, String errorCode, String detail, Instant failedAt)
		implements SmsEvent {

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
