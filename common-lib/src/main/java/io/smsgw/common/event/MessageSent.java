package io.smsgw.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The network accepted every part of a message (for SMPP: each {@code submit_sm_resp} was
 * ESME_ROK).
 *
 * @param messageId the gateway's id of the message
 * @param connectorId the connector that sent it
 * @param parts one entry per part, with the id the network gave it
 * @param sentAt when the last part was accepted
 * @param pricePerSegment the route's price per part on this connector (from the dispatch), or
 * {@code null}
 */
@EventSchema(name = "MessageSent", version = 1)
public record MessageSent(UUID messageId, String connectorId, List<SentPart> parts, Instant sentAt,
		BigDecimal pricePerSegment) implements SmsEvent {

	public MessageSent {
		parts = List.copyOf(parts);
	}

	/** A sent message without a price. */
	public MessageSent(UUID messageId, String connectorId, List<SentPart> parts, Instant sentAt) {
		this(messageId, connectorId, parts, sentAt, null);
	}

	/** What the message cost: the price per part times the parts sent, or {@code null}. */
	public BigDecimal price() {
		return (this.pricePerSegment != null) ? this.pricePerSegment.multiply(BigDecimal.valueOf(this.parts.size()))
				: null;
	}

	@Override
	public String key() {
		return this.messageId.toString();
	}

	/**
	 * One part as the network took it.
	 *
	 * @param partNumber 1-based part number
	 * @param networkMessageId the id the network answered with, normalised by the connector
	 */
	public record SentPart(int partNumber, String networkMessageId) {
	}

}
