package io.smsgw.modem.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;

/**
 * The events port when no publisher is configured: every publish fails, so that the racks leave
 * received messages in the SIMs' storage instead of deleting what nobody took.
 */
enum UnpublishedEvents implements ConnectorEvents {

	INSTANCE;

	@Override
	public CompletionStage<Void> receipt(ReceiptReceived receipt) {
		return CompletableFuture.failedFuture(new IllegalStateException("No connector events publisher"));
	}

	@Override
	public CompletionStage<Void> inbound(InboundReceived inbound) {
		return CompletableFuture.failedFuture(new IllegalStateException("No connector events publisher"));
	}

}
