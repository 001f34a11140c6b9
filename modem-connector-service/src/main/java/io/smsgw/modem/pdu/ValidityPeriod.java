package io.smsgw.modem.pdu;

import java.time.Duration;

/**
 * The relative TP-Validity-Period octet (3GPP TS 23.040 §9.2.3.12.1), rounded up to the next
 * value the octet can express and capped at 63 weeks.
 */
public final class ValidityPeriod {

	private static final long HALF_DAY = 12 * 60;

	private static final long DAY = 24 * 60;

	private ValidityPeriod() {
	}

	/** The octet for a validity period (at least 5 minutes). */
	public static int relative(Duration validity) {
		long minutes = Math.max(1, ceilDiv(validity.toSeconds(), 60));
		if (minutes <= HALF_DAY) {
			return (int) (ceilDiv(minutes, 5) - 1);
		}
		if (minutes <= DAY) {
			return (int) (143 + ceilDiv(minutes - HALF_DAY, 30));
		}
		long days = ceilDiv(minutes, DAY);
		if (days <= 30) {
			return (int) (166 + days);
		}
		return (int) Math.min(255, 192 + ceilDiv(days, 7));
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
