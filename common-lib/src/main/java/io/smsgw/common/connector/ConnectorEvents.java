package io.smsgw.common.connector;

import java.util.concurrent.CompletionStage;

import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;

/**
 * Where a connector reports what the network sends on its own: receipts and inbound messages.
 * Implementations publish and return at once; the stage completes when the event is durable
 * (acknowledged by Kafka), so that a connector can answer the network only then.
 */
public interface ConnectorEvents {

	/** A delivery receipt or status report. */
	CompletionStage<Void> receipt(ReceiptReceived receipt);

	/** A mobile-originated message. */
	CompletionStage<Void> inbound(InboundReceived inbound);

}
