package io.smsgw.api.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.message.GroupWriter.Send;
import io.smsgw.api.tenant.Tenant;
import io.smsgw.api.web.ServiceBusyException;

/**
 * Group commit of single sends: request threads put their validated message in a bounded queue
 * and wait; writer threads each take whatever is waiting when their previous commit finished (up
 * to {@code sms.api.intake.max-group}) and store it in one transaction with {@link GroupWriter}.
 * An idle service adds no delay, a busy one shares each fsync'd commit among many requests. A
 * full queue is answered 503; a request is answered only after its own group committed.
 */
@Component
class AcceptQueue implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AcceptQueue.class);

	private static final Duration IDLE_POLL = Duration.ofMillis(100);

	private static final Duration DRAIN_TIME = Duration.ofSeconds(10);

	private final GroupWriter writer;

	private final ApiProperties.Intake settings;

	private final BlockingQueue<Send> queue;

	private final DistributionSummary groupSizes;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	AcceptQueue(GroupWriter writer, ApiProperties properties, MeterRegistry meters) {
		this.writer = writer;
		this.settings = properties.intake();
		this.queue = new ArrayBlockingQueue<>(this.settings.queueCapacity());
		this.groupSizes = DistributionSummary.builder("sms.intake.group.size")
			.description("Single sends stored per transaction")
			.register(meters);
		Gauge.builder("sms.intake.queue", this.queue, BlockingQueue::size)
			.description("Single sends waiting to be stored")
			.register(meters);
	}

	/**
	 * Stores one validated message; returns once it is committed.
	 * @throws ServiceBusyException when the queue is full or the service is stopping (nothing stored)
	 * @throws RuntimeException the send's own refusal (suppressed recipient, daily quota) or failure
	 */
	void store(Tenant tenant, PreparedMessage message) {
		Send send = new Send(tenant, message, new CompletableFuture<>());
		if (this.settings.groupCommit()) {
			enqueue(send);
		}
		else {
			this.writer.write(List.of(send));
		}
		try {
			send.done().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private void enqueue(Send send) {
		if (!this.running || !this.queue.offer(send)) {
			throw busy();
		}
		// stopped meanwhile, and no writer took it: the writers may be gone
		if (!this.running && this.queue.remove(send)) {
			throw busy();
		}
	}

	private static ServiceBusyException busy() {
		return new ServiceBusyException("Too many messages are waiting to be stored; try again shortly",
				Duration.ofSeconds(1));
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		if (!this.settings.groupCommit()) {
			return;
		}
		for (int i = 0; i < this.settings.writers(); i++) {
			Thread thread = new Thread(this::run, "intake-writer-" + i);
			thread.setDaemon(true);
			thread.start();
			this.writers.add(thread);
		}
	}

	/** Stores what is queued, then lets the writers end; a send still queued after that is answered 503. */
	@Override
	public synchronized void stop() {
		this.running = false;
		long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
		try {
			for (Thread thread : this.writers) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.writers.clear();
		List<Send> left = new ArrayList<>();
		this.queue.drainTo(left);
		left.forEach((send) -> send.done().completeExceptionally(busy()));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Started before the web server takes requests, stopped after it has answered the last one. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 3072;
	}

	private void run() {
		List<Send> group = new ArrayList<>(this.settings.maxGroup());
		while (true) {
			Send first;
			try {
				first = this.queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first == null) {
				if (!this.running) {
					return;
				}
				continue;
			}
			group.add(first);
			this.queue.drainTo(group, this.settings.maxGroup() - 1);
			this.groupSizes.record(group.size());
			try {
				this.writer.write(group);
			}
			catch (RuntimeException | Error ex) {
				log.error("Storing a group of {} sends failed unexpectedly", group.size(), ex);
				RuntimeException failure = (ex instanceof RuntimeException r) ? r
						: new IllegalStateException("Storing the message failed", ex);
				group.forEach((send) -> send.done().completeExceptionally(failure));
			}
			group.clear();
		}
	}

}
