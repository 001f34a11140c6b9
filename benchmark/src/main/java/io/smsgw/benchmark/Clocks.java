package io.smsgw.benchmark;

import java.time.Instant;

/** Wall-clock time in epoch microseconds: the one time base of the driver, the simulator and the receiver. */
final class Clocks {

	private Clocks() {
	}

	static long nowMicros() {
		return micros(Instant.now());
	}

	static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

}
