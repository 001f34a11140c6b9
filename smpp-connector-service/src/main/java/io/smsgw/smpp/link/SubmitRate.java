package io.smsgw.smpp.link;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The pace of one SMSC connection, shared by its binds: a precise token bucket of one token
 * (submits are spaced {@code 1/tps} apart, no bursts) whose rate drops when the SMSC says it is
 * throttled or its queue is full, and climbs back step by step (additive increase,
 * multiplicative decrease) while it does not. Without a configured cap the connection runs
 * unpaced until the first throttle; the rate then starts from what was observed and is lifted
 * again once it is back where it was. Thread-safe.
 */
public final class SubmitRate {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final double maxTps;

	private final double minTps;

	private final double slowdown;

	private final long recoveryNanos;

	private final LongSupplier nanoClock;

	private double current;

	private double ceiling;

	private long nextSlot;

	private long lastChange;

	private long bucketStart;

	private int bucketCount;

	private int previousBucketCount;

	private long slowdowns;

	/**
	 * @param maxTps the cap (submits per second), 0 for none
	 * @param minTps the lowest rate a throttle can bring it to
	 * @param slowdown factor applied on a throttle, 0 to 1 (e.g. 0.5 halves the rate)
	 * @param recoveryNanos time without throttle before each step back up
	 * @param nanoClock {@code System::nanoTime} or a test clock
	 */
	public SubmitRate(double maxTps, double minTps, double slowdown, long recoveryNanos, LongSupplier nanoClock) {
		if (maxTps < 0 || minTps <= 0 || slowdown <= 0 || slowdown >= 1 || recoveryNanos <= 0) {
			throw new IllegalArgumentException("need maxTps >= 0, minTps > 0, 0 < slowdown < 1, recovery > 0");
		}
		this.maxTps = maxTps;
		this.minTps = minTps;
		this.slowdown = slowdown;
		this.recoveryNanos = recoveryNanos;
		this.nanoClock = nanoClock;
		this.current = (maxTps > 0) ? maxTps : Double.POSITIVE_INFINITY;
		this.ceiling = this.current;
		long now = nanoClock.getAsLong();
		this.nextSlot = now;
		this.lastChange = now;
		this.bucketStart = now;
	}

	/** Waits for this submit's slot. */
	public void acquire() throws InterruptedException {
		long wait = reserve();
		long until = this.nanoClock.getAsLong() + wait;
		while (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
			wait = until - this.nanoClock.getAsLong();
		}
	}

	/** Takes the next slot; returns how long to wait for it, in nanoseconds. */
	public synchronized long reserve() {
		long now = this.nanoClock.getAsLong();
		recover(now);
		count(now);
		if (Double.isInfinite(this.current)) {
			this.nextSlot = now;
			return 0;
		}
		long slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + (long) (SECOND / this.current);
		return slot - now;
	}

	/** The SMSC answered throttled or queue full: slow down (at most once per recovery interval). */
	public synchronized void throttled() {
		long now = this.nanoClock.getAsLong();
		if (this.slowdowns > 0 && now - this.lastChange < this.recoveryNanos) {
			return;
		}
		double base = this.current;
		if (Double.isInfinite(base)) {
			base = Math.max(this.minTps, Math.max(this.previousBucketCount, this.bucketCount));
			this.ceiling = (this.maxTps > 0) ? this.maxTps : base;
		}
		this.current = Math.max(this.minTps, base * this.slowdown);
		this.lastChange = now;
		this.slowdowns++;
	}

	/** The rate now, submits per second; infinite when unpaced. */
	public synchronized double effectiveTps() {
		recover(this.nanoClock.getAsLong());
		return this.current;
	}

	/** How many times the rate was lowered. */
	public synchronized long slowdowns() {
		return this.slowdowns;
	}

	private void recover(long now) {
		while (this.current < this.ceiling && now - this.lastChange >= this.recoveryNanos) {
			this.current = Math.min(this.ceiling, this.current + Math.max(1, this.ceiling * 0.1));
			this.lastChange += this.recoveryNanos;
		}
		if (this.maxTps == 0 && this.current >= this.ceiling) {
			this.current = Double.POSITIVE_INFINITY;
			this.ceiling = Double.POSITIVE_INFINITY;
		}
	}

	private void count(long now) {
		if (now - this.bucketStart >= SECOND) {
			this.previousBucketCount = (now - this.bucketStart < 2 * SECOND) ? this.bucketCount : 0;
			this.bucketCount = 0;
			this.bucketStart = now;
		}
		this.bucketCount++;
	}

}
