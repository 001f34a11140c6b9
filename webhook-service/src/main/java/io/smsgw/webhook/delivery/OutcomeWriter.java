package io.smsgw.webhook.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the workers did, many outcomes per transaction: one thread takes whatever has
 * accumulated (up to {@code maxBatch}) while the previous transaction committed, so the commits
 * group by themselves under load and a lone outcome is written at once. A failed write is retried
 * with backoff (the deliveries stay leased meanwhile); after each write the dispatcher is woken
 * (a written delivery may unblock the next callback of its message).
 */
class OutcomeWriter {

	private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

	private static final long MAX_BACKOFF_MILLIS = 5_000;

	private final OutcomeStore store;

	private final int maxBatch;

	private final Runnable afterWrite;

	private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger unwritten = new AtomicInteger();

	private volatile boolean running;

	private Thread thread;

	OutcomeWriter(OutcomeStore store, int maxBatch, Runnable afterWrite) {
		this.store = store;
		this.maxBatch = maxBatch;
		this.afterWrite = afterWrite;
	}

	/** Queues an outcome for the next write. */
	void submit(Outcome outcome) {
		this.unwritten.incrementAndGet();
		this.queue.add(outcome);
	}

	/** Outcomes submitted and not yet written (their deliveries are still leased by this instance). */
	int unwritten() {
		return this.unwritten.get();
	}

	void start(String name) {
		this.running = true;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Writes what is queued, then stops (call after the workers stopped). */
	void stop(Duration wait) throws InterruptedException {
		this.running = false;
		this.thread.join(wait.toMillis());
		if (this.thread.isAlive()) {
			this.thread.interrupt();
			log.warn("{} outcome(s) not written at shutdown; their deliveries are taken again when the lease ends",
					this.unwritten.get());
		}
	}

	private void run() {
		List<Outcome> batch = new ArrayList<>();
		long backoff = 100;
		while (this.running || !this.queue.isEmpty() || !batch.isEmpty()) {
			try {
				if (batch.isEmpty()) {
					Outcome first = this.queue.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					batch.add(first);
				}
				this.queue.drainTo(batch, this.maxBatch - batch.size());
				this.store.write(batch);
				this.unwritten.addAndGet(-batch.size());
				batch.clear();
				backoff = 100;
				this.afterWrite.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not record {} delivery outcome(s); trying again in {} ms", batch.size(), backoff, ex);
				if (!sleep(backoff)) {
					return;
				}
				backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
			}
		}
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
