package io.smsgw.simulator.smsc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.pdu.PduRequest;

/**
 * The deliver_sm (receipts and MO messages) sent and not acknowledged yet, like a real SMSC keeps
 * them: one whose deliver_sm_resp never came (the link was cut, or the response timed out) is
 * sent again when a receiver or transceiver of the account is bound, at most
 * {@link #MAX_REDELIVERIES} times and with at most {@link #MAX_WAITING} waiting. A receipt due while
 * the account is not bound waits here too ({@link #hold}). Any
 * deliver_sm_resp, whatever its status, acknowledges it. Thread-safe.
 */
final class UnackedDeliveries {

	/** How often one deliver_sm is sent again before it is given up. */
	static final int MAX_REDELIVERIES = 5;

	/** The most deliver_sm kept waiting for a bind; more are dropped (and logged). */
	static final int MAX_WAITING = 100_000;

	private static final Logger log = LoggerFactory.getLogger(UnackedDeliveries.class);

	private static final long AFTER_BIND_MS = 100;

	private final Map<Long, Map<PduRequest<?>, Sent>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

	private final Deque<Sent> waiting = new ArrayDeque<>();

	private final AtomicInteger redelivered = new AtomicInteger();

	private final AtomicInteger givenUp = new AtomicInteger();

	private final Function<String, BoundSession> sessions;

	private final ScheduledExecutorService scheduler;

	UnackedDeliveries(Function<String, BoundSession> sessions, ScheduledExecutorService scheduler) {
		this.sessions = sessions;
		this.scheduler = scheduler;
	}

	/**
	 * Sends a deliver_sm (or data_sm) to this session without waiting for its response, and keeps
	 * it until the response comes.
	 * @throws Exception when the session cannot take it now (nothing is kept then)
	 */
	void send(BoundSession target, PduRequest<?> pdu) throws Exception {
		send(target, new Sent(target.systemId(), pdu, 0, null));
	}

	private void send(BoundSession target, Sent sent) throws Exception {
		Map<PduRequest<?>, Sent> session = this.inFlight.computeIfAbsent(target.id(),
				(id) -> java.util.Collections.synchronizedMap(new IdentityHashMap<>()));
		session.put(sent.pdu(), sent);
		try {
			target.session().sendRequestPdu(sent.pdu(), 30_000, false);
		}
		catch (Exception ex) {
			session.remove(sent.pdu());
			throw ex;
		}
	}

	/** A deliver_sm_resp came for this request: it is delivered. */
	void acknowledged(long sessionId, PduRequest<?> request) {
		Map<PduRequest<?>, Sent> session = this.inFlight.get(sessionId);
		if (session != null) {
			session.remove(request);
		}
	}

	/**
	 * A deliver_sm (a receipt) that is due while no receiver or transceiver of the account is bound:
	 * it waits for the next bind, however long the account stays away (a real SMSC keeps receipts
	 * for their validity period), within {@link #MAX_WAITING}. Its first send runs
	 * {@code onFirstSend}; it is not counted as a redelivery.
	 */
	void hold(String systemId, PduRequest<?> pdu, Runnable onFirstSend) {
		synchronized (this.waiting) {
			if (this.waiting.size() >= MAX_WAITING) {
				this.givenUp.incrementAndGet();
				log.warn("deliver_sm for {} dropped: {} already wait for a bind", systemId, MAX_WAITING);
				return;
			}
			this.waiting.add(new Sent(systemId, pdu, 0, onFirstSend));
		}
		if (this.sessions.apply(systemId) != null) {
			// the account bound between the caller's look and now: its flush may have run already
			bound();
		}
	}

	/** No response within the window's timeout: sent again (to any bound receiver) soon. */
	void expired(long sessionId, PduRequest<?> request) {
		Map<PduRequest<?>, Sent> session = this.inFlight.get(sessionId);
		Sent sent = (session != null) ? session.remove(request) : null;
		if (sent != null) {
			keep(List.of(sent));
			this.scheduler.schedule(this::flush, AFTER_BIND_MS, TimeUnit.MILLISECONDS);
		}
	}

	/** The session is gone: what it never acknowledged waits for the next bind. */
	void sessionClosed(long sessionId) {
		Map<PduRequest<?>, Sent> session = this.inFlight.remove(sessionId);
		if (session != null) {
			List<Sent> left;
			synchronized (session) {
				left = new ArrayList<>(session.values());
			}
			if (!left.isEmpty()) {
				log.info("Session {} closed with {} deliver_sm unacknowledged; kept for the next bind", sessionId,
						left.size());
				keep(left);
			}
		}
	}

	/** A receiver or transceiver bound: sends what waits for its account, once it is ready. */
	void bound() {
		try {
			this.scheduler.schedule(this::flush, AFTER_BIND_MS, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			log.debug("Simulator stopping; nothing redelivered");
		}
	}

	private void keep(List<Sent> sent) {
		synchronized (this.waiting) {
			for (Sent each : sent) {
				if (each.redeliveries() >= MAX_REDELIVERIES || this.waiting.size() >= MAX_WAITING) {
					this.givenUp.incrementAndGet();
					continue;
				}
				each.pdu().removeSequenceNumber();
				each.pdu().removeCommandLength();
				this.waiting.add(new Sent(each.systemId(), each.pdu(), each.redeliveries() + 1, null));
			}
		}
	}

	private void flush() {
		List<Sent> batch;
		synchronized (this.waiting) {
			batch = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		List<Sent> unsent = new ArrayList<>();
		for (Sent sent : batch) {
			BoundSession target = this.sessions.apply(sent.systemId());
			try {
				if (target == null) {
					unsent.add(sent);
					continue;
				}
				send(target, sent);
				if (sent.onFirstSend() != null) {
					sent.onFirstSend().run();
				}
				else {
					this.redelivered.incrementAndGet();
				}
			}
			catch (Exception ex) {
				log.debug("deliver_sm not redelivered now ({})", ex.toString());
				unsent.add(sent);
			}
		}
		synchronized (this.waiting) {
			for (int i = unsent.size() - 1; i >= 0; i--) {
				this.waiting.addFirst(unsent.get(i));
			}
		}
	}

	/** deliver_sm sent again after a lost or missing response. */
	int redelivered() {
		return this.redelivered.get();
	}

	/** deliver_sm given up (sent too often, or too many waiting). */
	int givenUp() {
		return this.givenUp.get();
	}

	/** deliver_sm waiting for a bind now. */
	int waiting() {
		synchronized (this.waiting) {
			return this.waiting.size();
		}
	}

	/** @param onFirstSend run when a held deliver_sm is first sent; null for one sent before */
	private record Sent(String systemId, PduRequest<?> pdu, int redeliveries, Runnable onFirstSend) {
	}

}
