package io.smsgw.modem.rack;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.common.codec.EncodedMessage;
import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.modem.at.AtEngine;
import io.smsgw.modem.at.AtException;
import io.smsgw.modem.at.ModemInitializer;
import io.smsgw.modem.at.SerialLink;
import io.smsgw.modem.at.SimLockedException;
import io.smsgw.modem.at.UnsolicitedCode;
import io.smsgw.modem.pdu.SubmitPdu;
import io.smsgw.modem.pdu.SubmitPduEncoder;

/**
 * One modem of a rack: its line, its state and its rate budget. Everything that talks to the
 * modem (connecting, initialising, sending) runs on the modem's own worker thread, one thing at
 * a time. A timeout or a broken line takes the modem down; the rack brings it up again later.
 */
final class Modem {

	private static final Logger log = LoggerFactory.getLogger(Modem.class);

	private final String rackId;

	private final ModemSettings settings;

	private final SerialLink.Opener opener;

	private final RackTimeouts timeouts;

	private final SubmitPduEncoder encoder;

	private final RateBudget budget;

	private final Clock clock;

	private final ExecutorService worker;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile ModemState state = ModemState.DOWN;

	private volatile AtEngine engine;

	private volatile String lastProblem;

	Modem(String rackId, ModemSettings settings, RackSettings rack, SerialLink.Opener opener, RackTimeouts timeouts,
			Clock clock) {
		this.rackId = rackId;
		this.settings = settings;
		this.opener = opener;
		this.timeouts = timeouts;
		this.encoder = new SubmitPduEncoder(settings.smsc(), rack.validity(), rack.statusReports());
		this.budget = new RateBudget(settings.messagesPerMinute());
		this.clock = clock;
		this.worker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "modem-" + rackId + "-" + settings.id());
			thread.setDaemon(true);
			return thread;
		});
	}

	String id() {
		return this.settings.id();
	}

	ModemState state() {
		return this.state;
	}

	/** Whether the modem is initialised and its line open. */
	boolean isReady() {
		AtEngine current = this.engine;
		return this.state.canSend() && current != null && current.isOpen();
	}

	/** Takes the parts from the budget when the modem is ready and they fit. */
	boolean tryReserve(int parts) {
		return isReady() && this.budget.tryAcquire(parts, this.clock.instant());
	}

	/**
	 * Connects and initialises the modem on its worker when it is down, and takes it down when its
	 * line broke; returns at once.
	 */
	void connectIfDown() {
		if (this.state.canSend() && !isReady()) {
			execute(() -> {
				if (this.state.canSend() && !isReady()) {
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
			new ModemInitializer(this.timeouts.command(), java.time.Duration.ofSeconds(1)).initialise(opened,
					this.settings.pin());
			this.state = ModemState.READY;
			this.lastProblem = null;
			log.info("Modem {}/{} on {} is ready", this.rackId, id(), this.settings.port());
		}
		catch (SimLockedException ex) {
			closeEngine();
			this.state = ModemState.DISABLED;
			log.error("Modem {}/{} disabled: {}", this.rackId, id(), ex.getMessage());
		}
		catch (Exception ex) {
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

	/** Sends every part on the worker; the stage never completes exceptionally. */
	CompletableFuture<DispatchOutcome> send(String destination, EncodedMessage message) {
		CompletableFuture<DispatchOutcome> outcome = new CompletableFuture<>();
		long queuedAt = System.nanoTime();
		try {
			this.worker.execute(() -> outcome.complete(sendNow(destination, message, queuedAt)));
		}
		catch (RejectedExecutionException ex) {
			outcome.complete(new DispatchOutcome.Requeue("modem " + id() + " is closing"));
		}
		return outcome;
	}

	private DispatchOutcome sendNow(String destination, EncodedMessage message, long queuedAt) {
		AtEngine current = this.engine;
		if (!this.state.canSend() || current == null) {
			return new DispatchOutcome.Requeue("modem " + id() + " is " + this.state);
		}
		if (System.nanoTime() - queuedAt > this.timeouts.maxQueueWait().toNanos()) {
			return new DispatchOutcome.Requeue("modem " + id() + " is busy");
		}
		try {
			List<SubmitPdu> pdus = this.encoder.encode(destination, message);
			PartSender.Result result = PartSender.send(current, id(), pdus, message, this.timeouts.send());
			if (result.modemProblem() != null) {
				takeDown(result.modemProblem());
			}
			return result.outcome();
		}
		catch (AtException ex) {
			takeDown(ex.getMessage());
			return new DispatchOutcome.Requeue("modem " + id() + ": " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return new DispatchOutcome.Failed("INVALID_MESSAGE", ex.getMessage(), false);
		}
		catch (RuntimeException ex) {
			log.warn("Modem {}/{} failed unexpectedly", this.rackId, id(), ex);
			takeDown(ex.toString());
			return new DispatchOutcome.Requeue("modem " + id() + " failed");
		}
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
		closeEngine();
	}

	private void unsolicited(UnsolicitedCode code) {
		// reading messages and status reports comes with the full rack; the header alone is logged
		log.info("Modem {}/{}: unsolicited {}", this.rackId, id(), code.line());
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
