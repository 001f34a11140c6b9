package io.smsgw.smpp.cloudhopper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;

import io.smsgw.smpp.link.ReconnectBackoff;
import io.smsgw.smpp.metrics.SmppMetrics;
import io.smsgw.smpp.submit.PartResult;

/**
 * One bind to an SMSC and the loop that keeps it up: bind, enquire_link on an interval, rebind
 * with backoff and jitter when the link drops. Submits go out asynchronously (many in flight, up
 * to the window); each completes its future from the response callback, or as unanswered on
 * timeout or link loss.
 */
final class BindLink {

	private static final Logger log = LoggerFactory.getLogger(BindLink.class);

	private final String name;

	private final SmppSessionConfiguration sessionConfig;

	private final DefaultSmppClient client;

	private final ScheduledExecutorService scheduler;

	private final Executor responder;

	private final ReconnectBackoff backoff;

	private final Duration enquireLinkInterval;

	private final Duration responseTimeout;

	private final DeliverProcessor deliveries;

	private final InFlightSubmits inFlight;

	private final boolean transmits;

	private final Duration drainTimeout;

	private final AtomicBoolean binding = new AtomicBoolean();

	private final AtomicInteger failures = new AtomicInteger();

	private final AtomicLong generation = new AtomicLong();

	private volatile SmppSession session;

	private volatile ScheduledFuture<?> enquireTask;

	private volatile boolean running;

	BindLink(String name, SmppSessionConfiguration sessionConfig, DefaultSmppClient client,
			ScheduledExecutorService scheduler, Executor responder, ReconnectBackoff backoff,
			Duration enquireLinkInterval, Duration responseTimeout, Duration drainTimeout, DeliverProcessor deliveries,
			SmppMetrics metrics) {
		this.name = name;
		this.sessionConfig = sessionConfig;
		this.client = client;
		this.scheduler = scheduler;
		this.responder = responder;
		this.backoff = backoff;
		this.enquireLinkInterval = enquireLinkInterval;
		this.responseTimeout = responseTimeout;
		this.deliveries = deliveries;
		this.inFlight = new InFlightSubmits(responseTimeout, metrics);
		this.transmits = sessionConfig.getType() != SmppBindType.RECEIVER;
		this.drainTimeout = drainTimeout;
	}

	/** Whether submits can go over this bind (transmitter or transceiver). */
	boolean transmits() {
		return this.transmits;
	}

	/** The bind type as configured: TX, RX or TRX. */
	String type() {
		return switch (this.sessionConfig.getType()) {
			case TRANSMITTER -> "TX";
			case RECEIVER -> "RX";
			default -> "TRX";
		};
	}

	/** Submits sent on this bind and not answered yet. */
	int inFlight() {
		return this.inFlight.size();
	}

	String name() {
		return this.name;
	}

	boolean isBound() {
		SmppSession current = this.session;
		return current != null && current.isBound();
	}

	void start() {
		this.running = true;
		scheduleBind(Duration.ZERO);
	}

	private void scheduleBind(Duration delay) {
		if (!this.running || !this.binding.compareAndSet(false, true)) {
			return;
		}
		try {
			this.scheduler.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			this.binding.set(false);
		}
	}

	private void bind() {
		long gen = this.generation.incrementAndGet();
		LinkSessionHandler handler = new LinkSessionHandler(this, gen, this.deliveries, this.responder);
		try {
			SmppSession bound = this.client.bind(this.sessionConfig, handler);
			handler.attach(bound);
			this.session = bound;
			this.failures.set(0);
			this.binding.set(false);
			log.info("{}: bound to {}:{} as '{}'", this.name, this.sessionConfig.getHost(),
					this.sessionConfig.getPort(), this.sessionConfig.getSystemId());
			long interval = this.enquireLinkInterval.toMillis();
			this.enquireTask = this.scheduler.scheduleWithFixedDelay(() -> enquireLink(gen, bound), interval, interval,
					TimeUnit.MILLISECONDS);
			if (!this.running) {
				stop();
			}
		}
		catch (Exception ex) {
			Duration delay = this.backoff.delay(this.failures.getAndIncrement(), ThreadLocalRandom.current()::nextDouble);
			log.warn("{}: bind to {}:{} failed ({}); next try in {} ms", this.name, this.sessionConfig.getHost(),
					this.sessionConfig.getPort(), ex.toString(), delay.toMillis());
			this.binding.set(false);
			scheduleBind(delay);
		}
	}

	private void enquireLink(long gen, SmppSession bound) {
		try {
			bound.enquireLink(new EnquireLink(), this.responseTimeout.toMillis());
		}
		catch (Exception ex) {
			lost(gen, "enquire_link failed: " + ex);
		}
	}

	/** The link of this generation is gone: fail what waits on it and bind again. */
	synchronized void lost(long gen, String why) {
		if (gen != this.generation.get() || this.session == null) {
			return;
		}
		log.warn("{}: bind lost ({}); reconnecting", this.name, why);
		SmppSession old = this.session;
		this.session = null;
		cancelEnquireLink();
		old.destroy();
		failPending("link lost");
		scheduleBind(this.backoff.delay(this.failures.getAndIncrement(), ThreadLocalRandom.current()::nextDouble));
	}

	/** Sends one submit_sm; the future completes with the response or as unanswered. */
	CompletableFuture<PartResult> submit(SubmitSm pdu, int partNumber) {
		SmppSession current = this.session;
		if (current == null || !current.isBound()) {
			return CompletableFuture.completedFuture(PartResult.unanswered(partNumber, "no bind up"));
		}
		return this.inFlight.submit(current, pdu, partNumber);
	}

	@SuppressWarnings("rawtypes")
	void responded(PduRequest request, PduResponse response) {
		this.inFlight.responded(request, response);
	}

	@SuppressWarnings("rawtypes")
	void expired(PduRequest request) {
		this.inFlight.expired(request);
	}

	/**
	 * Stops reconnecting, waits (up to the drain timeout) for the answers to the submits in
	 * flight, then unbinds; submits still waiting complete as unanswered (and are requeued).
	 */
	void stop() {
		this.running = false;
		long deadline = System.nanoTime() + this.drainTimeout.toNanos();
		while (this.inFlight.size() > 0 && isBound() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		unbind();
	}

	private synchronized void unbind() {
		cancelEnquireLink();
		SmppSession current = this.session;
		this.session = null;
		this.generation.incrementAndGet();
		if (current != null) {
			try {
				if (current.isBound()) {
					current.unbind(5000);
				}
			}
			catch (RuntimeException ex) {
				log.debug("{}: unbind failed", this.name, ex);
			}
			current.destroy();
			log.info("{}: unbound", this.name);
		}
		failPending("shutting down");
	}

	private void cancelEnquireLink() {
		ScheduledFuture<?> task = this.enquireTask;
		if (task != null) {
			task.cancel(false);
		}
	}

	private void failPending(String why) {
		this.inFlight.failAll(why);
	}

}
