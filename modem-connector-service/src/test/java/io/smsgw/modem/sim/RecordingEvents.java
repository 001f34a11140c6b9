package io.smsgw.modem.sim;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.event.InboundReceived;
import io.smsgw.common.event.ReceiptReceived;

/**
 * The connector events port in memory: records what a rack publishes, and can refuse it as a
 * broker that is away would.
 */
public final class RecordingEvents implements ConnectorEvents {

	private final List<ReceiptReceived> receipts = new CopyOnWriteArrayList<>();

	private final List<InboundReceived> inbound = new CopyOnWriteArrayList<>();

	private volatile boolean refusing;

	@Override
	public CompletionStage<Void> receipt(ReceiptReceived receipt) {
		if (this.refusing) {
			return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
		}
		this.receipts.add(receipt);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletionStage<Void> inbound(InboundReceived message) {
		if (this.refusing) {
			return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
		}
		this.inbound.add(message);
		return CompletableFuture.completedFuture(null);
	}

	/** Refuses (or takes again) everything published. */
	public void refusing(boolean refusing) {
		this.refusing = refusing;
	}

	public List<ReceiptReceived> receipts() {
		return List.copyOf(this.receipts);
	}

	public List<InboundReceived> inbound() {
		return List.copyOf(this.inbound);
	}

}
