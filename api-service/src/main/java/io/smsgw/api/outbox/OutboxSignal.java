package io.smsgw.api.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the relay as soon as a transaction that wrote outbox rows has committed.
 */
@Component
class OutboxSignal {

	private final Semaphore permits = new Semaphore(0);

	void wake() {
		if (this.permits.availablePermits() == 0) {
			this.permits.release();
		}
	}

	/** Waits until woken or the timeout passes; wake-ups that came meanwhile are consumed. */
	void await(Duration timeout) throws InterruptedException {
		this.permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		this.permits.drainPermits();
	}

}
