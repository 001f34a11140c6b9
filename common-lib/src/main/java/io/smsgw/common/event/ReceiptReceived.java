package io.smsgw.common.event;

import java.time.Instant;

/**
 * A delivery receipt (or modem status report) as the network sent it, before correlation.
 * Keyed by connector and network message id, since the gateway's message id is not yet known.
 *
 * @param connectorId the connector the receipt came in on
 * @param networkMessageId the network's id of the part, normalised by the connector
 * @param state the reported state, or {@code null} when the receipt could not be parsed
 * @param errorCode the network's error code ({@code err:} field), or {@code null}
 * @param doneAt when the network says the final state was reached, or {@code null}
 * @param raw the receipt as received (short message text or a PDU in hex), kept for support
 * @param receivedAt when the connector received it
 */
@EventSchema(name = "ReceiptReceived", version = 1)
public record ReceiptReceived(String connectorId, String networkMessageId, ReceiptState state, String errorCode,
		Instant doneAt, String raw, Instant receivedAt) implements SmsEvent {

	@Override
	public String key() {
		return this.connectorId + ":" + this.networkMessageId;
	}

}
