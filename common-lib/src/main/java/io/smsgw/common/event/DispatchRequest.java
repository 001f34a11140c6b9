package io.smsgw.common.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A message handed to one connector for sending, on {@code sms.mt.dispatch.<connectorId>}.
 *
 * @param messageId the gateway's id of the message
 * @param tenantId the tenant that sent it
 * @param connectorId the connector that must send it
 * @param to destination in E.164 with a leading {@code +}
 * @param from sender id
 * @param body the text
 * @param attempt 1 for the first route tried, 2 for the next, and so on
 * @param acceptedAt when the API accepted it
 */
@EventSchema(name = "DispatchRequest", version = 1)
public record DispatchRequest(UUID messageId, String tenantId, String connectorId, String to, String from,
		String body, int attempt, Instant acceptedAt) implements SmsEvent {

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
