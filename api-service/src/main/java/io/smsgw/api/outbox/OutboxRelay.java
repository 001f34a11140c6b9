package io.smsgw.api.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.smsgw.api.config.ApiProperties;
import io.smsgw.api.outbox.OutboxStore.OutboxRow;

/**
 * Moves outbox rows to Kafka: locks a batch (skipping rows other instances hold), sends every
 * row, waits for all acknowledgements, deletes the rows and commits. A failure rolls back, so
 * rows are sent again later (consumers dedupe) and never lost. The delete is committed without
 * waiting for its fsync: were PostgreSQL itself to crash before the write, the rows would come back
 * and be sent again, which a failure does anyway; nothing is lost. Woken after each commit that
 * wrote rows, and polls as a fallback.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private static final Duration DRAIN_TIME = Duration.ofSeconds(5);

	private final OutboxStore store;

	private final OutboxSignal signal;

	private final KafkaTemplate<Object, Object> kafka;

	private final TransactionTemplate transactions;

	private final ApiProperties.Outbox settings;

	private final Timer batchTimer;

	private volatile boolean running;

	private Thread thread;

	OutboxRelay(OutboxStore store, OutboxSignal signal, KafkaTemplate<Object, Object> kafka,
			TransactionTemplate transactions, ApiProperties properties, MeterRegistry meters) {
		this.store = store;
		this.signal = signal;
		this.kafka = kafka;
		this.transactions = transactions;
		this.settings = properties.outbox();
		this.batchTimer = Timer.builder("sms.outbox.relay.batch")
			.description("Time to relay one batch of outbox rows to Kafka")
			.register(meters);
		Gauge.builder("sms.outbox.lag", store, OutboxRelay::countOrNaN)
			.description("Outbox rows waiting to be relayed")
			.register(meters);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		Thread relay;
		synchronized (this) {
			this.running = false;
			relay = this.thread;
			this.thread = null;
		}
		this.signal.wake();
		if (relay != null) {
			try {
				relay.join(DRAIN_TIME.plusSeconds(1).toMillis());
				if (relay.isAlive()) {
					log.warn("Outbox relay did not finish in time; interrupting it (rows left are relayed at the next start)");
					relay.interrupt();
					relay.join(1000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Started before the web server takes requests, stopped after it has stopped taking them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void run() {
		Duration backoff = this.settings.pollInterval();
		while (this.running) {
			try {
				int relayed = relayBatch();
				backoff = this.settings.pollInterval();
				if (relayed < this.settings.batchSize()) {
					this.signal.await(this.settings.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), ex.toString());
				sleep(backoff);
				backoff = (backoff.compareTo(MAX_BACKOFF) < 0) ? backoff.multipliedBy(2) : MAX_BACKOFF;
			}
		}
		drain();
	}

	/** Relays what is left at shutdown, for a bounded time; the rest waits for the next start. */
	private void drain() {
		long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
		try {
			while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline && relayBatch() > 0) {
				// keep going
			}
		}
		catch (RuntimeException ex) {
			log.warn("Outbox rows left for the next start: {}", ex.toString());
		}
	}

	/** Relays one batch; returns the number of rows relayed. */
	int relayBatch() {
		long start = System.nanoTime();
		Integer relayed = this.transactions.execute((status) -> {
			List<OutboxRow> rows = this.store.lockBatch(this.settings.batchSize());
			if (rows.isEmpty()) {
				return 0;
			}
			this.store.relaxCommit();
			List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
			for (OutboxRow row : rows) {
				acks.add(this.kafka.send(row.topic(), row.key(), row.value()));
			}
			this.kafka.flush();
			try {
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
					.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge the batch", ex);
			}
			this.store.delete(rows);
			return rows.size();
		});
		int count = (relayed != null) ? relayed : 0;
		if (count > 0) {
			this.batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
		return count;
	}

	private static double countOrNaN(OutboxStore store) {
		try {
			return store.count();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
