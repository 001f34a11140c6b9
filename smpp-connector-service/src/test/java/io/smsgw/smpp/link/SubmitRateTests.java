package io.smsgw.smpp.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SubmitRateTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void spacesSubmitsEvenlyAtTheCap() {
		SubmitRate rate = new SubmitRate(10, 1, 0.5, 2000 * MS, this.now::get);
		long[] waits = new long[5];
		for (int i = 0; i < 5; i++) {
			waits[i] = rate.reserve();
		}
		assertThat(waits).containsExactly(0, 100 * MS, 200 * MS, 300 * MS, 400 * MS);
	}

	@Test
	void throttleHalvesTheRateOncePerRecoveryAndItClimbsBack() {
		SubmitRate rate = new SubmitRate(100, 1, 0.5, 1000 * MS, this.now::get);
		rate.throttled();
		rate.throttled();
		assertThat(rate.effectiveTps()).isEqualTo(50);
		this.now.addAndGet(1000 * MS);
		assertThat(rate.effectiveTps()).isEqualTo(60);
		this.now.addAndGet(10_000 * MS);
		assertThat(rate.effectiveTps()).isEqualTo(100);
		assertThat(rate.slowdowns()).isEqualTo(1);
	}

	@Test
	void unpacedConnectionIsPacedFromWhatItSentOnceThrottledThenFreedAgain() {
		SubmitRate rate = new SubmitRate(0, 1, 0.5, 1000 * MS, this.now::get);
		for (int i = 0; i < 40; i++) {
			assertThat(rate.reserve()).isZero();
		}
		rate.throttled();
		assertThat(rate.effectiveTps()).isEqualTo(20);
		assertThat(rate.reserve()).isZero();
		assertThat(rate.reserve()).isEqualTo(50 * MS);
		this.now.addAndGet(60_000 * MS);
		assertThat(rate.effectiveTps()).isInfinite();
	}

	@Test
	void neverGoesBelowTheFloor() {
		SubmitRate rate = new SubmitRate(4, 2, 0.1, 10 * MS, this.now::get);
		rate.throttled();
		assertThat(rate.effectiveTps()).isEqualTo(2);
	}

}
