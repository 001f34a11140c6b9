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

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.pdu.SubmitSm;

/**
 * The simulator's memory: decides each submit's answer, records it, gives message ids, schedules
 * receipts and counts what was sent and acknowledged.
 */
final class SubmitLedger {

	private static final Logger log = LoggerFactory.getLogger(SubmitLedger.class);

	private final SmscSimulatorConfig config;

	private final Clock clock;

	private final ScheduledExecutorService scheduler;

	private final Function<String, BoundSession> sessions;

	private final UnackedDeliveries deliveries;

	private final List<ReceivedSubmit> submits = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 20, 1L << 29));

	private final AtomicInteger receiptsSent = new AtomicInteger();

	private final AtomicInteger deliverResponses = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final AtomicInteger dropCountdown = new AtomicInteger();

	private final AtomicInteger unbinds = new AtomicInteger();

	private final AtomicLong responseDelayMillis;

	SubmitLedger(SmscSimulatorConfig config, Clock clock, ScheduledExecutorService scheduler,
			Function<String, BoundSession> sessions, UnackedDeliveries deliveries) {
		this.config = config;
		this.deliveries = deliveries;
		this.clock = clock;
		this.scheduler = scheduler;
		this.sessions = sessions;
		this.responseDelayMillis = new AtomicLong(config.responseDelay().toMillis());
	}

	/** The pause before each submit_sm_resp now (the configured one until changed). */
	long responseDelayMillis() {
		return this.responseDelayMillis.get();
	}

	void responseDelay(Duration delay) {
		this.responseDelayMillis.set(delay.toMillis());
	}

	void unbindReceived() {
		this.unbinds.incrementAndGet();
	}

	int unbinds() {
		return this.unbinds.get();
	}

	/**
	 * Decides the answer to a submit, records it, and schedules its receipt when accepted.
	 * @param unanswered the submit will never be answered (its connection is being dropped)
	 */
	ReceivedSubmit accept(String systemId, long sessionId, SubmitSm submit, boolean unanswered) {
		double draw = ThreadLocalRandom.current().nextDouble();
		int status = 0;
		if (unanswered) {
			status = ReceivedSubmit.UNANSWERED;
		}
		else if (draw < this.config.throttleShare()) {
			status = this.config.throttleStatus();
		}
		else if (draw < this.config.throttleShare() + this.config.failShare()) {
			status = this.config.failStatus();
		}
		long id = this.ids.incrementAndGet();
		String messageId = (status == 0) ? this.config.idFormat().format(id) : null;
		String receiptId = (status == 0) ? this.config.receiptIds().format(id) : null;
		byte[] shortMessage = (submit.getShortMessage() != null) ? submit.getShortMessage() : new byte[0];
		ReceivedSubmit received = new ReceivedSubmit(systemId, submit.getSourceAddress().getAddress(),
				submit.getSourceAddress().getTon(), submit.getSourceAddress().getNpi(),
				submit.getDestAddress().getAddress(), submit.getDestAddress().getTon(),
				submit.getDestAddress().getNpi(), submit.getEsmClass() & 0xFF, submit.getDataCoding() & 0xFF,
				submit.getRegisteredDelivery() & 0xFF, shortMessage.clone(), status, messageId, this.clock.instant(),
				tlv(submit, SmppConstants.TAG_MESSAGE_PAYLOAD), number(submit, SmppConstants.TAG_SAR_MSG_REF_NUM),
				number(submit, SmppConstants.TAG_SAR_TOTAL_SEGMENTS),
				number(submit, SmppConstants.TAG_SAR_SEGMENT_SEQNUM), blankToNull(submit.getValidityPeriod()),
				receiptId, sessionId);
		synchronized (this.submits) {
			this.submits.add(received);
			this.submits.notifyAll();
		}
		boolean requested = (received.registeredDelivery() & 0x03) != 0;
		if (status == 0 && (requested || !this.config.receiptsOnlyWhenRequested())) {
			scheduleReceipt(received, this.config.receiptsBeforeResponse() ? Duration.ZERO : this.config.receiptDelay());
		}
		return received;
	}

	private static byte[] tlv(SubmitSm submit, short tag) {
		Tlv tlv = submit.getOptionalParameter(tag);
		return (tlv != null) ? tlv.getValue().clone() : null;
	}

	private static Integer number(SubmitSm submit, short tag) {
		byte[] value = tlv(submit, tag);
		if (value == null) {
			return null;
		}
		int result = 0;
		for (byte b : value) {
			result = (result << 8) | (b & 0xFF);
		}
		return result;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private void scheduleReceipt(ReceivedSubmit submit, Duration delay) {
		try {
			this.scheduler.schedule(() -> sendReceipt(submit), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			log.debug("Simulator stopping; receipt for {} dropped", submit.messageId());
		}
	}

	private void sendReceipt(ReceivedSubmit submit) {
		BaseSm<?> receipt;
		try {
			receipt = this.config.receiptsAsDataSm()
					? SimulatorPdus.dataSmReceipt(submit, this.config.receiptStat(), this.clock.instant())
					: SimulatorPdus.receipt(submit, this.config.receiptStat(), this.clock.instant());
		}
		catch (Exception ex) {
			log.warn("Receipt for {} could not be built", submit.messageId(), ex);
			return;
		}
		BoundSession target = this.sessions.apply(submit.systemId());
		if (target != null) {
			try {
				this.deliveries.send(target, receipt);
				this.receiptsSent.incrementAndGet();
				return;
			}
			catch (Exception ex) {
				log.debug("Receipt for {} not sent now ({}); kept for the next bind", submit.messageId(),
						ex.toString());
			}
		}
		// no receiver bound (the link is down): the receipt waits for the account's next bind
		this.deliveries.hold(submit.systemId(), receipt, this.receiptsSent::incrementAndGet);
	}

	/** Arms a drop: the next {@code count} submits go unanswered and the last one's connection is closed. */
	void dropAfter(int count) {
		this.dropCountdown.set(count);
	}

	/** For a submit arriving now: 0 answer it, 1 leave it unanswered, 2 leave it unanswered and drop the link. */
	int dropDecision() {
		while (true) {
			int left = this.dropCountdown.get();
			if (left <= 0) {
				return 0;
			}
			if (this.dropCountdown.compareAndSet(left, left - 1)) {
				return (left == 1) ? 2 : 1;
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
