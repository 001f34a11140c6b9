package io.smsgw.simulator.smsc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.SubmitSm;

/**
 * The simulator's memory: decides each submit's answer, records it, gives message ids, schedules
 * receipts and counts what was sent and acknowledged.
 */
final class SubmitLedger {

	private static final Logger log = LoggerFactory.getLogger(SubmitLedger.class);

	private static final int RECEIPT_RETRIES = 120;

	private final SmscSimulatorConfig config;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final Function<String, BoundSession> sessions;

	private final List<ReceivedSubmit> submits = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 20, 1L << 29));

	private final AtomicInteger receiptsSent = new AtomicInteger();

	private final AtomicInteger deliverResponses = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	SubmitLedger(SmscSimulatorConfig config, Clock clock, ScheduledExecutorService scheduler,
			Function<String, BoundSession> sessions) {
		this.config = config;
		this.clock = clock;
		this.scheduler = scheduler;
		this.sessions = sessions;
	}

	/** Decides the answer to a submit, records it, and schedules its receipt when accepted. */
	ReceivedSubmit accept(String systemId, SubmitSm submit) {
		double draw = ThreadLocalRandom.current().nextDouble();
		int status = 0;
		if (draw < this.config.throttleShare()) {
			status = SmscSimulatorConfig.STATUS_THROTTLED;
		}
		else if (draw < this.config.throttleShare() + this.config.failShare()) {
			status = this.config.failStatus();
		}
		String messageId = (status == 0) ? this.config.idFormat().format(this.ids.incrementAndGet()) : null;
		byte[] shortMessage = (submit.getShortMessage() != null) ? submit.getShortMessage() : new byte[0];
		ReceivedSubmit received = new ReceivedSubmit(systemId, submit.getSourceAddress().getAddress(),
				submit.getSourceAddress().getTon(), submit.getSourceAddress().getNpi(),
				submit.getDestAddress().getAddress(), submit.getDestAddress().getTon(),
				submit.getDestAddress().getNpi(), submit.getEsmClass() & 0xFF, submit.getDataCoding() & 0xFF,
				submit.getRegisteredDelivery() & 0xFF, shortMessage.clone(), status, messageId, this.clock.instant());
		synchronized (this.submits) {
			this.submits.add(received);
			this.submits.notifyAll();
		}
		boolean requested = (received.registeredDelivery() & 0x03) != 0;
		if (status == 0 && (requested || !this.config.receiptsOnlyWhenRequested())) {
			scheduleReceipt(received, this.config.receiptDelay(), 0);
		}
		return received;
	}

	private void scheduleReceipt(ReceivedSubmit submit, Duration delay, int attempt) {
		try {
			this.scheduler.schedule(() -> sendReceipt(submit, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			log.debug("Simulator stopping; receipt for {} dropped", submit.messageId());
		}
	}

	private void sendReceipt(ReceivedSubmit submit, int attempt) {
		BoundSession target = this.sessions.apply(submit.systemId());
		if (target == null) {
			if (attempt < RECEIPT_RETRIES) {
				scheduleReceipt(submit, Duration.ofMillis(500), attempt + 1);
			}
			return;
		}
		try {
			DeliverSm receipt = SimulatorPdus.receipt(submit, this.config.receiptStat(), this.clock.instant());
			target.session().sendRequestPdu(receipt, 30_000, false);
			this.receiptsSent.incrementAndGet();
		}
		catch (Exception ex) {
			log.debug("Receipt for {} not sent ({}); retrying", submit.messageId(), ex.toString());
			if (attempt < RECEIPT_RETRIES) {
				scheduleReceipt(submit, Duration.ofMillis(500), attempt + 1);
			}
		}
	}

	void submitReceived() {
		int now = this.inFlight.incrementAndGet();
		this.maxInFlight.accumulateAndGet(now, Math::max);
	}

	void submitAnswered() {
		this.inFlight.decrementAndGet();
	}

	void deliverResponse(int commandStatus) {
		if (commandStatus == 0) {
			this.deliverResponses.incrementAndGet();
		}
	}

	List<ReceivedSubmit> submits() {
		synchronized (this.submits) {
			return List.copyOf(this.submits);
		}
	}

	List<ReceivedSubmit> awaitSubmits(int count, Duration timeout) throws TimeoutException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.submits) {
			while (this.submits.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new TimeoutException(
							"Expected " + count + " submits within " + timeout + ", got " + this.submits.size());
				}
				TimeUnit.NANOSECONDS.timedWait(this.submits, left);
			}
			return List.copyOf(this.submits);
		}
	}

	int receiptsSent() {
		return this.receiptsSent.get();
	}

	int deliverResponses() {
		return this.deliverResponses.get();
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	Instant now() {
		return this.clock.instant();
	}

}
