package io.smsgw.modem.rack;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.codec.SmsCodec;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.pdu.Addresses;

/**
 * A rack of GSM modems served as one connector. Each message goes to the ready modem with the
 * most room left in its rate budget (in turn among equals); when that modem fails it (modem or
 * SIM error, no signal, a broken or vanished line, a timeout, a retriable network error), the
 * parts not sent yet go to the next modem of the rack, so nothing queued on a failing modem is
 * lost. With no modem left, the message is given back (requeued) or, after a network error,
 * reported failed and retriable. It is reported sent only when every part got {@code +CMGS}.
 */
public final class ModemRack implements SmsConnector {

	private final RackSettings settings;

	private final List<Modem> modems;

	private final RackTimeouts timeouts;

	private final RackObserver observer;

	private final SmsCodec codec;

	private final AtomicInteger next = new AtomicInteger();

	private ScheduledExecutorService supervisor;

	public ModemRack(RackSettings settings, SerialLink.Opener opener, RackTimeouts timeouts, RackObserver observer,
			ConnectorEvents events, Clock clock) {
		this.settings = settings;
		this.timeouts = timeouts;
		this.observer = observer;
		this.codec = new SmsCodec(settings.codecOptions());
		this.modems = settings.modems()
			.stream()
			.map((modem) -> new Modem(settings.id(), modem, settings, opener, timeouts, events, observer, clock))
			.toList();
	}

	@Override
	public String id() {
		return this.settings.id();
	}

	/** Brings the modems up now and every reconnect interval while any is down, and probes them. */
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
		long probe = this.timeouts.probe().toMillis();
		this.supervisor.scheduleWithFixedDelay(() -> this.modems.forEach(Modem::probe), probe, probe,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public CompletionStage<DispatchOutcome> dispatch(DispatchRequest request) {
		EncodedMessage message;
		try {
			Addresses.destination(request.to());
			message = this.codec.encode(request.body(), reference(request));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			DispatchOutcome invalid = new DispatchOutcome.Failed("INVALID_MESSAGE", String.valueOf(ex.getMessage()), false);
			this.observer.outcome(id(), "none", invalid);
			return CompletableFuture.completedFuture(invalid);
		}
		return attempt(request.to(), message, List.of(), new HashSet<>(), null);
	}

	private CompletableFuture<DispatchOutcome> attempt(String to, EncodedMessage message, List<SentPart> sent,
			Set<Modem> tried, DispatchOutcome lastFailure) {
		Modem modem = pick(message.segmentCount() - sent.size(), tried);
		if (modem == null) {
			DispatchOutcome outcome = (lastFailure instanceof DispatchOutcome.Failed) ? lastFailure
					: new DispatchOutcome.Requeue("no modem of rack " + id() + " can send now");
			this.observer.outcome(id(), "none", outcome);
			return CompletableFuture.completedFuture(outcome);
		}
		tried.add(modem);
		return modem.send(to, message, sent).thenCompose((attempt) -> {
			if (!attempt.moves()) {
				this.observer.outcome(id(), modem.id(), attempt.outcome());
				return CompletableFuture.completedFuture(attempt.outcome());
			}
			this.observer.outcome(id(), modem.id(), new DispatchOutcome.Requeue("moved"));
			return attempt(to, message, attempt.sent(), tried, attempt.outcome());
		});
	}

	private static int reference(DispatchRequest request) {
		// stable per message, so that a resent part joins the parts sent before
		return (request.messageId() != null) ? (int) request.messageId().getLeastSignificantBits() : 0;
	}

	/** The ready modem not tried yet with the most budget left that takes {@code parts}; in turn among equals. */
	private Modem pick(int parts, Set<Modem> tried) {
		int count = this.modems.size();
		int start = Math.floorMod(this.next.getAndIncrement(), Math.max(count, 1));
		List<Modem> candidates = new java.util.ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Modem modem = this.modems.get((start + i) % count);
			if (!tried.contains(modem) && modem.isReady()) {
				candidates.add(modem);
			}
		}
		candidates.sort((a, b) -> Integer.compare(b.budgetLeft(), a.budgetLeft()));
		for (Modem modem : candidates) {
			if (modem.tryReserve(parts)) {
				return modem;
			}
		}
		return null;
	}

	@Override
	public LinkCount links() {
		int up = (int) this.modems.stream().filter(Modem::isReady).count();
		return new LinkCount(up, this.modems.size());
	}

	/** The state of each modem, by id, in configuration order. */
	public Map<String, ModemState> modemStates() {
		Map<String, ModemState> states = new LinkedHashMap<>();
		this.modems.forEach((modem) -> states.put(modem.id(), modem.health().state()));
		return states;
	}

	/** What the last probe of each modem found, in configuration order. */
	public List<ModemHealth> health() {
		return this.modems.stream().map(Modem::health).toList();
	}

	/** Stops reconnecting and probing, lets each modem finish its work in hand, and closes the lines. */
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
