package io.smsgw.dlr.correlation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a receipt finds its part: the connector and the id the network gave the part.
 *
 * @param connectorId the connector
 * @param networkMessageId the network's id, normalised by the connector
 */
record PartKey(String connectorId, String networkMessageId) {

	/** The part key a receipt points at. */
	static PartKey of(io.smsgw.common.event.ReceiptReceived receipt) {
		return new PartKey(receipt.connectorId(), receipt.networkMessageId());
	}

	/** A 64-bit key for a PostgreSQL advisory lock on this part's correlation. */
	long lockKey() {
		return UUID.nameUUIDFromBytes(("dlr:" + this.connectorId + ":" + this.networkMessageId)
			.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
	}

}
