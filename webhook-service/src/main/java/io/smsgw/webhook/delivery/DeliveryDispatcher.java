package io.smsgw.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Delivers due callbacks off the Kafka path: one thread claims due deliveries from the delivery log
 * (leases, {@code SKIP LOCKED}: several instances share the queue) and hands each to a bounded pool
 * of workers, within a bound per endpoint and overall; an endpoint whose circuit is open is not
 * claimed, so it never delays the others. Woken early when a listener queues something or an
 * attempt ends; also gives up deliveries whose retry budget ran out and refreshes
 * {@code sms.webhook.pending}.
 */
public class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private static final Duration HOUSEKEEPING = Duration.ofSeconds(1);

	private final DeliveryLog deliveryLog;

	private final CallbackDeliverer deliverer;

	private final EndpointGuards guards;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	private final Settings settings;

	private final Semaphore overall;

	private final Object signal = new Object();

	private boolean woken;

	private volatile boolean running;

	private Thread loop;

	private ExecutorService workers;

	private Instant lastHousekeeping = Instant.EPOCH;

	/**
	 * What the dispatcher needs to know.
	 * @param pollInterval longest sleep between looks at the queue
	 * @param batchSize most deliveries claimed per look
	 * @param maxConcurrency attempts in flight, all endpoints
	 * @param maxPerEndpoint attempts in flight per endpoint
	 * @param lease how long a claim lasts
	 * @param instanceId the name of this instance in the leases
	 * @param maxTotal the retry budget of a delivery
	 */
	public record Settings(Duration pollInterval, int batchSize, int maxConcurrency, int maxPerEndpoint, Duration lease,
			String instanceId, Duration maxTotal) {
	}

	public DeliveryDispatcher(DeliveryLog deliveryLog, CallbackDeliverer deliverer, EndpointGuards guards,
			DeliveryMetrics metrics, Clock clock, Settings settings) {
		this.deliveryLog = deliveryLog;
		this.deliverer = deliverer;
		this.guards = guards;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
		this.overall = new Semaphore(settings.maxConcurrency());
	}

	/** Looks at the queue now (something was queued, or an attempt ended). */
	public void wake() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void run() {
		while (this.running) {
			boolean busy = false;
			try {
				housekeeping();
				busy = dispatch() > 0;
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatch failed, trying again in {} ms", this.settings.pollInterval().toMillis(), ex);
			}
			if (!busy || this.overall.availablePermits() == 0) {
				pause();
			}
		}
	}

	private int dispatch() {
		int free = this.overall.availablePermits();
		if (free == 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<DeliveryJob> jobs = this.deliveryLog.claim(now, this.settings.lease(), this.settings.instanceId(),
				this.guards.blocked(), this.settings.maxPerEndpoint(), Math.min(free, this.settings.batchSize()));
		int started = 0;
		for (DeliveryJob job : jobs) {
			if (!this.guards.tryAcquire(job.endpoint())) {
				this.deliveryLog.release(job.id(), now);
				continue;
			}
			if (!this.overall.tryAcquire()) {
				this.guards.release(job.endpoint());
				this.deliveryLog.release(job.id(), now);
				continue;
			}
			this.workers.execute(() -> attempt(job));
			started++;
		}
		return started;
	}

	private void attempt(DeliveryJob job) {
		try {
			this.deliverer.attempt(job, this.settings.pollInterval());
		}
		catch (RuntimeException ex) {
			log.warn("Attempt of {} failed; it is claimed again when its lease ends", job, ex);
		}
		finally {
			this.guards.release(job.endpoint());
			this.overall.release();
			wake();
		}
	}

	private void housekeeping() {
		Instant now = this.clock.instant();
		if (Duration.between(this.lastHousekeeping, now).compareTo(HOUSEKEEPING) < 0) {
			return;
		}
		this.lastHousekeeping = now;
		for (DeliveryJob job : this.deliveryLog.claimExpired(now, this.settings.maxTotal(), this.settings.lease(),
				this.settings.instanceId(), this.settings.batchSize())) {
			this.deliverer.attempt(job, this.settings.pollInterval());
		}
		this.metrics.pending(this.deliveryLog.pending());
	}

	private void pause() {
		synchronized (this.signal) {
			if (!this.woken && this.running) {
				try {
					this.signal.wait(this.settings.pollInterval().toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
			this.woken = false;
		}
	}

	@Override
	public void start() {
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(this.settings.maxConcurrency(), (task) -> {
			Thread thread = new Thread(task, "webhook-delivery-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		this.loop = new Thread(this::run, "webhook-dispatcher");
		this.loop.setDaemon(true);
		this.loop.start();
		log.info("Webhook dispatcher {} started: {} attempt(s) in flight at most, {} per endpoint",
				this.settings.instanceId(), this.settings.maxConcurrency(), this.settings.maxPerEndpoint());
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		try {
			this.loop.join(10_000);
			this.workers.shutdown();
			if (!this.workers.awaitTermination(15, TimeUnit.SECONDS)) {
				this.workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
