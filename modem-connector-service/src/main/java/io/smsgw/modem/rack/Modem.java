package io.smsgw.modem.rack;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.connector.ConnectorEvents;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.event.MessageSent.SentPart;
import io.smsgw.modem.at.AtEngine;
import io.smsgw.modem.at.AtException;
import io.smsgw.modem.at.ModemInitializer;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.at.SimLockedException;
import io.smsgw.modem.at.UnsolicitedCode;
import io.smsgw.modem.pdu.SubmitPduEncoder;

/**
 * One modem of a rack: its line, state, health, rate budget and inbox. Everything that talks to
 * the modem (connecting, sending, probing, reading storage) runs on the modem's own worker
 * thread, one thing at a time. A broken line, a timeout, a modem or SIM error, or three network
 * errors in a row take the modem down; the rack brings it up again later. A modem without
 * signal or registration stays open but sends nothing until a probe finds it registered.
 */
final class Modem {

	private static final Logger log = LoggerFactory.getLogger(Modem.class);

	private static final int NETWORK_ERRORS_IN_A_ROW = 3;

	private final String rackId;

	private final ModemSettings settings;

	private final SerialLink.Opener opener;

	private final RackTimeouts timeouts;

	private final SubmitPduEncoder encoder;

	private final RateBudget budget;

	private final Clock clock;

	private final ExecutorService worker;

	private final Inbox inbox;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile ModemState state = ModemState.DOWN;

	private volatile ModemHealth health;

	private volatile AtEngine engine;

	private volatile String lastProblem;

	private int networkErrors;

	Modem(String rackId, ModemSettings settings, RackSettings rack, SerialLink.Opener opener, RackTimeouts timeouts,
			ConnectorEvents events, RackObserver observer, Clock clock) {
		this.rackId = rackId;
		this.settings = settings;
		this.opener = opener;
		this.timeouts = timeouts;
		this.encoder = new SubmitPduEncoder(settings.smsc(), rack.validity(), rack.statusReports());
		this.budget = new RateBudget(settings.messagesPerMinute());
		this.clock = clock;
		this.health = ModemHealth.unknown(settings.id(), ModemState.DOWN);
		this.worker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "modem-" + rackId + "-" + settings.id());
			thread.setDaemon(true);
			return thread;
		});
		String number = (settings.number() != null) ? settings.number() : settings.id();
		this.inbox = new Inbox(rackId, settings.id(), number, events, observer, clock, timeouts.reassembly(),
				this::withEngine);
	}

	String id() {
		return this.settings.id();
	}

	ModemState state() {
		return this.state;
	}

	ModemHealth health() {
		ModemHealth last = this.health;
		return new ModemHealth(last.modemId(), isReady() ? ModemState.READY
				: (this.state == ModemState.READY) ? ModemState.DOWN : this.state, last.signalDbm(),
				last.registration(), last.operator(), last.probedAt());
	}

	/** Whether the modem is ready, registered and its line open. */
	boolean isReady() {
		AtEngine current = this.engine;
		return this.state.canSend() && current != null && current.isOpen();
	}

	/** Parts the budget still has room for now. */
	int budgetLeft() {
		return this.budget.available(this.clock.instant());
	}

	/** Takes the parts from the budget when the modem is ready and they fit. */
	boolean tryReserve(int parts) {
		return isReady() && this.budget.tryAcquire(parts, this.clock.instant());
	}

	/** Connects and initialises the modem on its worker when it is down, and takes it down when its line broke. */
	void connectIfDown() {
		if (this.state.isInitialised() && (this.engine == null || !this.engine.isOpen())) {
			execute(() -> {
				if (this.state.isInitialised() && (this.engine == null || !this.engine.isOpen())) {
					takeDown("the line closed");
				}
			});
		}
		if (this.state == ModemState.DOWN && this.connecting.compareAndSet(false, true)) {
			try {
				this.worker.execute(this::connect);
			}
			catch (RejectedExecutionException ex) {
				this.connecting.set(false);
			}
		}
	}

	private void connect() {
		try {
			SerialLink link = this.opener.open(this.settings.port(), this.settings.baudRate());
			AtEngine opened = new AtEngine(link, this::unsolicited);
			opened.start();
			this.engine = opened;
			new ModemInitializer(this.timeouts.command(), Duration.ofSeconds(1)).initialise(opened, this.settings.pin());
			this.inbox.reset();
			this.networkErrors = 0;
			probeNow(opened);
			this.lastProblem = null;
			log.info("Modem {}/{} on {} is {}", this.rackId, id(), this.settings.port(), this.state);
			this.inbox.drain(opened);
		}
		catch (SimLockedException ex) {
			closeEngine();
			this.state = ModemState.DISABLED;
			log.error("Modem {}/{} disabled: {}", this.rackId, id(), ex.getMessage());
		}
		catch (Exception ex) {
			this.state = ModemState.DOWN;
			closeEngine();
			String problem = String.valueOf(ex.getMessage());
			if (!problem.equals(this.lastProblem)) {
				log.warn("Modem {}/{} on {} is down: {}", this.rackId, id(), this.settings.port(), problem);
				this.lastProblem = problem;
			}
		}
		finally {
			this.connecting.set(false);
		}
	}

	/** Probes an initialised modem on its worker, drains its storage and expires held parts. */
	void probe() {
		if (!this.state.isInitialised()) {
			return;
		}
		withEngine((current) -> {
			try {
				probeNow(current);
				this.inbox.drain(current);
				this.inbox.expire();
			}
			catch (AtException ex) {
				takeDown(ex.getMessage());
			}
		});
	}

	private void probeNow(AtEngine current) throws AtException {
		ModemHealth probed = Probes.probe(current, id(), this.timeouts.command(), this.clock.instant());
		this.health = probed;
		if (probed.state() != this.state) {
			log.info("Modem {}/{}: {} (signal {} dBm, registration {}, operator {})", this.rackId, id(), probed.state(),
					probed.signalDbm(), probed.registration(), probed.operator());
		}
		this.state = probed.state();
	}

	/** Sends the parts not sent yet on the worker; the stage never completes exceptionally. */
	CompletableFuture<Attempt> send(String destination, EncodedMessage message, List<SentPart> sentBefore) {
		CompletableFuture<Attempt> outcome = new CompletableFuture<>();
		long queuedAt = System.nanoTime();
		try {
			this.worker.execute(() -> outcome.complete(sendNow(destination, message, sentBefore, queuedAt)));
		}
		catch (RejectedExecutionException ex) {
			outcome.complete(Attempt.move(new DispatchOutcome.Requeue("modem " + id() + " is closing"), sentBefore));
		}
		return outcome;
	}

	private Attempt sendNow(String destination, EncodedMessage message, List<SentPart> sentBefore, long queuedAt) {
		AtEngine current = this.engine;
		if (!this.state.canSend() || current == null) {
			return Attempt.move(new DispatchOutcome.Requeue("modem " + id() + " is " + this.state), sentBefore);
		}
		if (System.nanoTime() - queuedAt > this.timeouts.maxQueueWait().toNanos()) {
			return Attempt.move(new DispatchOutcome.Requeue("modem " + id() + " is busy"), sentBefore);
		}
		List<SentPart> sent = new ArrayList<>();
		try {
			PartSender.Result result = PartSender.send(current, id(), this.encoder.encode(destination, message),
					message, sentBefore, this.timeouts.send(), sent);
			this.networkErrors = result.networkError() ? this.networkErrors + 1 : 0;
			if (result.modemProblem() != null) {
				takeDown(result.modemProblem());
			}
			else if (this.networkErrors >= NETWORK_ERRORS_IN_A_ROW) {
				takeDown(this.networkErrors + " network errors in a row");
			}
			return result.attempt();
		}
		catch (AtException ex) {
			takeDown(ex.getMessage());
			return Attempt.move(new DispatchOutcome.Requeue("modem " + id() + ": " + ex.getMessage()), sent);
		}
		catch (IllegalArgumentException ex) {
			return Attempt.done(new DispatchOutcome.Failed("INVALID_MESSAGE", ex.getMessage(), false));
		}
		catch (RuntimeException ex) {
			log.warn("Modem {}/{} failed unexpectedly", this.rackId, id(), ex);
			takeDown(ex.toString());
			return Attempt.move(new DispatchOutcome.Requeue("modem " + id() + " failed"), sent);
		}
	}

	private void unsolicited(UnsolicitedCode code) {
		String name = code.name();
		String value = code.line().substring(Math.min(code.line().length(), name.length() + 1)).trim();
		if (name.equals("+CMTI") || name.equals("+CDSI")) {
			int index = Integer.parseInt(value.substring(value.lastIndexOf(',') + 1).trim());
			withEngine((current) -> {
				try {
					this.inbox.readStored(current, index);
				}
				catch (AtException ex) {
					takeDown(ex.getMessage());
				}
			});
		}
		else if ((name.equals("+CMT") || name.equals("+CDS")) && code.pdu() != null) {
			withEngine((current) -> this.inbox.direct(code.pdu()));
		}
		else if (name.equals("+CREG") || name.equals("+CPIN")) {
			probe();
		}
		else {
			log.debug("Modem {}/{}: unsolicited {}", this.rackId, id(), name);
		}
	}

	/** Runs a task on the worker with the open engine; skipped when the modem is down by then. */
	private void withEngine(Consumer<AtEngine> task) {
		execute(() -> {
			AtEngine current = this.engine;
			if (current != null && current.isOpen()) {
				task.accept(current);
			}
		});
	}

	private void execute(Runnable task) {
		try {
			this.worker.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// closing
		}
	}

	private void takeDown(String reason) {
		log.warn("Modem {}/{} taken down: {}", this.rackId, id(), reason);
		this.state = ModemState.DOWN;
		this.health = ModemHealth.unknown(id(), ModemState.DOWN);
		closeEngine();
	}

	private void closeEngine() {
		AtEngine current = this.engine;
		this.engine = null;
		if (current != null) {
			current.close();
		}
	}

	/** Takes no more work; what is queued still runs. */
	void shutdown() {
		this.worker.shutdown();
	}

	/** Waits for the work in hand until the deadline ({@link System#nanoTime()}), then closes the line. */
	void awaitAndClose(long deadlineNanos) {
		try {
			this.worker.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.state = ModemState.DOWN;
		closeEngine();
	}

}
