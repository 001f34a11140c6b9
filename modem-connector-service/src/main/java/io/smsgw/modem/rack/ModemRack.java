package io.smsgw.modem.rack;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.pdu.Addresses;

/**
 * A rack of GSM modems served as one connector: each message goes whole to one ready modem
 * with room in its rate budget, taken in turn. With none, the message is given back (requeued);
 * it is reported sent only when the modem answered {@code +CMGS} for every part.
 */
public final class ModemRack implements SmsConnector {

	private final RackSettings settings;

	private final List<Modem> modems;

	private final RackTimeouts timeouts;

	private final SendObserver observer;

	private final SmsCodec codec;

	private final AtomicInteger next = new AtomicInteger();

	private ScheduledExecutorService supervisor;

	public ModemRack(RackSettings settings, SerialLink.Opener opener, RackTimeouts timeouts, SendObserver observer,
			Clock clock) {
		this.settings = settings;
		this.timeouts = timeouts;
		this.observer = observer;
		this.codec = new SmsCodec(settings.codecOptions());
		this.modems = settings.modems()
			.stream()
			.map((modem) -> new Modem(settings.id(), modem, settings, opener, timeouts, clock))
			.toList();
	}

	@Override
	public String id() {
		return this.settings.id();
	}

	/** Starts bringing the modems up, now and every reconnect interval while any is down. */
	public synchronized void start() {
		if (this.supervisor != null || this.modems.isEmpty()) {
			return;
		}
		this.supervisor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "modem-rack-" + id());
			thread.setDaemon(true);
			return thread;
		});
		this.supervisor.scheduleWithFixedDelay(() -> this.modems.forEach(Modem::connectIfDown), 0,
				this.timeouts.reconnect().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public CompletionStage<DispatchOutcome> dispatch(DispatchRequest request) {
		EncodedMessage message;
		try {
			Addresses.destination(request.to());
			message = this.codec.encode(request.body(), reference(request));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return observed(CompletableFuture.completedFuture(
					new DispatchOutcome.Failed("INVALID_MESSAGE", String.valueOf(ex.getMessage()), false)));
		}
		Modem modem = pick(message.segmentCount());
		if (modem == null) {
			return observed(CompletableFuture
				.completedFuture(new DispatchOutcome.Requeue("no modem of rack " + id() + " can send now")));
		}
		return observed(modem.send(request.to(), message));
	}

	private static int reference(DispatchRequest request) {
		// stable per message, so that a resent part joins the parts sent before
		return (request.messageId() != null) ? (int) request.messageId().getLeastSignificantBits() : 0;
	}

	private Modem pick(int parts) {
		int count = this.modems.size();
		int start = Math.floorMod(this.next.getAndIncrement(), Math.max(count, 1));
		for (int i = 0; i < count; i++) {
			Modem modem = this.modems.get((start + i) % count);
			if (modem.tryReserve(parts)) {
				return modem;
			}
		}
		return null;
	}

	private CompletionStage<DispatchOutcome> observed(CompletableFuture<DispatchOutcome> outcome) {
		return outcome.whenComplete((result, ex) -> {
			if (result != null) {
				this.observer.outcome(id(), result);
			}
		});
	}

	@Override
	public LinkCount links() {
		int up = (int) this.modems.stream().filter(Modem::isReady).count();
		return new LinkCount(up, this.modems.size());
	}

	/** The state of each modem, by id, in configuration order. */
	public java.util.Map<String, ModemState> modemStates() {
		java.util.Map<String, ModemState> states = new java.util.LinkedHashMap<>();
		this.modems.forEach((modem) -> states.put(modem.id(), modem.state()));
		return states;
	}

	/** Stops reconnecting, lets each modem finish its work in hand, and closes the lines. */
	public synchronized void close() {
		if (this.supervisor != null) {
			this.supervisor.shutdownNow();
			this.supervisor = null;
		}
		this.modems.forEach(Modem::shutdown);
		long deadline = System.nanoTime() + this.timeouts.send().toNanos();
		this.modems.forEach((modem) -> modem.awaitAndClose(deadline));
	}

}
