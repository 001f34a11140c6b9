package io.smsgw.common.event;

import java.math.BigDecimal;
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
 * @param validUntil when the network should give up delivering it, or {@code null} for the
 * connector's default validity period
 * @param pricePerSegment what the route charges per part on this connector, or {@code null} when
 * the route names no price
 */
@EventSchema(name = "DispatchRequest", version = 1)
public record DispatchRequest(UUID messageId, String tenantId, String connectorId, String to, String from,
		String body, int attempt, Instant acceptedAt, Instant validUntil, BigDecimal pricePerSegment)
		implements SmsEvent {

	/** A dispatch with the connector's default validity period. */
	public DispatchRequest(UUID messageId, String tenantId, String connectorId, String to, String from, String body,
			int attempt, Instant acceptedAt) {
		this(messageId, tenantId, connectorId, to, from, body, attempt, acceptedAt, null, null);
	}

	/** The same message offered to another connector, at that connector's price, as the next attempt. */
	public DispatchRequest nextAttempt(String nextConnectorId, BigDecimal nextPricePerSegment) {
		return new DispatchRequest(this.messageId, this.tenantId, nextConnectorId, this.to, this.from, this.body,
				this.attempt + 1, this.acceptedAt, this.validUntil, nextPricePerSegment);
	}

	@Override
	public String key() {
		return this.messageId.toString();
	}

}
