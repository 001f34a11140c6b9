package io.smsgw.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Delivers due callbacks off the Kafka path. One thread claims due deliveries in batches (leases,
 * {@code SKIP LOCKED}: several instances share the queue) into per-endpoint {@link Lanes}, from
 * which a pool of workers sends them, within a bound per endpoint and overall; an endpoint whose
 * circuit is open or whose lane is full is not claimed, so it never delays the others. Workers hand
 * their outcomes to an {@link OutcomeWriter} that records many per transaction. Woken when a
 * listener queues something, an attempt ends or outcomes were written; also gives up deliveries
 * whose retry budget ran out, refreshes {@code sms.webhook.pending}, and the planner's statistics of the
 * delivery log when the queue doubles (a burst would otherwise be planned as an empty queue).
 */
public class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private static final Duration HOUSEKEEPING = Duration.ofSeconds(1);

	/** Pending deliveries from which a doubling of the queue refreshes the planner's statistics. */
	private static final long ANALYZE_FROM = 1000;

	private final DeliveryLog deliveryLog;

	private final SigningKeys keys;

	private final CallbackDeliverer deliverer;

	private final EndpointGuards guards;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	private final Settings settings;

	private final Lanes lanes;

	private final OutcomeWriter writer;

	private final int capacity;

	private final int laneCap;

	private final Object signal = new Object();

	private boolean woken;

	/** Something may have become claimable since the last claim (queued, outcomes written). */
	private volatile boolean news = true;

	/** The endpoints left out of the last claim, when it found nothing; {@code null} after one that found some. */
	private Set<String> emptyClaim;

	private Instant emptyClaimAt = Instant.EPOCH;

	private volatile boolean running;

	private Thread loop;

	private ExecutorService workers;

	private Instant lastHousekeeping = Instant.EPOCH;

	/** Pending deliveries when the statistics were last refreshed here. */
	private long pendingAtAnalyze;

	/**
	 * What the dispatcher needs to know.
	 * @param pollInterval longest sleep between looks at the queue
	 * @param batchSize most deliveries claimed per look (also how many may wait claimed beyond those in flight)
	 * @param maxConcurrency attempts in flight, all endpoints
	 * @param maxPerEndpoint attempts in flight per endpoint
	 * @param lease how long a claim lasts
	 * @param instanceId the name of this instance in the leases
	 * @param maxTotal the retry budget of a delivery
	 */
	public record Settings(Duration pollInterval, int batchSize, int maxConcurrency, int maxPerEndpoint, Duration lease,
			String instanceId, Duration maxTotal) {
	}

	public DeliveryDispatcher(DeliveryLog deliveryLog, OutcomeStore outcomes, SigningKeys keys,
			CallbackDeliverer deliverer, EndpointGuards guards, DeliveryMetrics metrics, Clock clock, Settings settings) {
		this.deliveryLog = deliveryLog;
		this.keys = keys;
		this.deliverer = deliverer;
		this.guards = guards;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
		this.capacity = settings.maxConcurrency() + settings.batchSize();
		this.laneCap = Math.max(settings.maxPerEndpoint() + 1, 4 * settings.maxPerEndpoint());
		this.lanes = new Lanes(settings.maxPerEndpoint(), settings.maxConcurrency(), this.laneCap);
		this.writer = new OutcomeWriter(outcomes, 500, this::wake);
	}

	/** Looks at the queue now: something was queued or written, and may be claimable. */
	public void wake() {
		this.news = true;
		nudge();
	}

	/** Looks at the queue now: room was freed (an attempt ended), nothing new became claimable. */
	private void nudge() {
		synchronized (this.signal) {
			this.woken = true;
			this.signal.notifyAll();
		}
	}

	private void run() {
		while (this.running) {
			boolean more = false;
			try {
				housekeeping();
				more = dispatch();
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatch failed, trying again in {} ms", this.settings.pollInterval().toMillis(), ex);
			}
			if (!more) {
				pause();
			}
		}
	}

	/** Claims due deliveries if there is room enough; {@code true} when more may be due at once. */
	private boolean dispatch() {
		int held = this.lanes.held() + this.writer.unwritten();
		int max = Math.min(this.settings.batchSize(), this.capacity - held);
		if (max <= 0 || (held > 0 && max < Math.max(1, Math.min(this.settings.batchSize(), this.capacity) / 4))) {
			return false;
		}
		Set<String> excluded = new HashSet<>(this.guards.blocked());
		excluded.addAll(this.lanes.full());
		Instant now = this.clock.instant();
		if (!this.news && this.emptyClaim != null && excluded.containsAll(this.emptyClaim)
				&& now.isBefore(this.emptyClaimAt.plus(this.settings.pollInterval()))) {
			// the last claim found nothing with these endpoints left out, and nothing was queued or written since:
			// every attempt's end would otherwise run another claim for nothing
			return false;
		}
		this.news = false;
		List<DeliveryJob> jobs = this.deliveryLog.claim(now, this.settings.lease(), this.settings.instanceId(), excluded,
				this.laneCap, max);
		if (jobs.isEmpty()) {
			this.emptyClaim = excluded;
			this.emptyClaimAt = now;
			return false;
		}
		this.emptyClaim = null;
		Set<Long> behind = this.deliveryLog.earlierPending(jobs.stream().map(DeliveryJob::id).toList());
		if (!behind.isEmpty()) {
			jobs = jobs.stream().filter((job) -> {
				if (behind.contains(job.id())) {
					log.warn("{} was claimed while an earlier callback of its message is pending; waiting behind it", job);
					this.writer.submit(Outcome.released(job.id(), now.plus(this.settings.pollInterval())));
					return false;
				}
				return true;
			}).toList();
		}
		this.lanes.add(this.keys.of(jobs, now));
		startWaiting();
		return jobs.size() + behind.size() == max;
	}

	private void startWaiting() {
		for (Claimed claimed : this.lanes.startable()) {
			this.workers.execute(() -> attempt(claimed));
		}
	}

	private void attempt(Claimed claimed) {
		try {
			this.writer.submit(this.deliverer.attempt(claimed.job(), claimed.secrets(), this.settings.pollInterval()));
		}
		catch (RuntimeException ex) {
			log.warn("Attempt of {} failed; it is claimed again when its lease ends", claimed, ex);
		}
		finally {
			this.lanes.finished(claimed.endpoint());
			if (this.running) {
				startWaiting();
			}
			nudge();
		}
	}

	private void housekeeping() {
		Instant now = this.clock.instant();
		if (Duration.between(this.lastHousekeeping, now).compareTo(HOUSEKEEPING) < 0) {
			return;
		}
		this.lastHousekeeping = now;
		List<DeliveryJob> expired = this.deliveryLog.claimExpired(now, this.settings.maxTotal(), this.settings.lease(),
				this.settings.instanceId(), this.settings.batchSize());
		for (Claimed claimed : this.keys.of(expired, now)) {
			this.writer.submit(this.deliverer.attempt(claimed.job(), claimed.secrets(), this.settings.pollInterval()));
		}
		long pending = this.deliveryLog.pending();
		this.metrics.pending(pending);
		if (pending >= ANALYZE_FROM && pending > 2 * this.pendingAtAnalyze) {
			// a burst: statistics taken while the queue was short (autovacuum looks once a minute at most) make the
			// planner take every partial index for one row, and the claim then reads the whole queue (55-150 ms)
			this.deliveryLog.analyze();
			this.pendingAtAnalyze = pending;
			log.debug("Planner statistics of the delivery log refreshed at {} pending", pending);
		}
		else if (pending < this.pendingAtAnalyze / 4) {
			this.pendingAtAnalyze = pending;
		}
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
		this.writer.start("webhook-outcomes");
		this.running = true;
		this.loop = new Thread(this::run, "webhook-dispatcher");
		this.loop.setDaemon(true);
		this.loop.start();
		log.info("Webhook dispatcher {} started: {} attempt(s) in flight at most, {} per endpoint, {} claimed at most",
				this.settings.instanceId(), this.settings.maxConcurrency(), this.settings.maxPerEndpoint(), this.capacity);
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
			Instant now = this.clock.instant();
			// claimed but never started: given back now rather than when their lease ends
			this.lanes.drainWaiting().forEach((claimed) -> this.writer.submit(Outcome.released(claimed.job().id(), now)));
			this.writer.stop(Duration.ofSeconds(10));
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
