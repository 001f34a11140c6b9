package io.smsgw.benchmark;

import java.util.List;

/**
 * Whether a soak stayed flat: each check compares the last third of the load with the second
 * (the first third is warm-up), and the loss check must pass.
 *
 * @param checks every flatness check
 * @param lossPassed every accepted message at the SMSC and final, no duplicate callback
 * @param passed all checks and the loss check passed
 */
public record SoakVerdict(List<Check> checks, boolean lossPassed, boolean passed) {

	/** Memory grows when it rises by more than this share of the earlier value... */
	static final double GROWTH_PERCENT = 15;

	/** ...and by more than this (MB): small absolute changes are noise. */
	static final double GROWTH_MB = 32;

	/** A latency grows when its later p99 exceeds the earlier one by this factor... */
	static final double LATENCY_FACTOR = 2;

	/** ...and by more than this (ms). */
	static final double LATENCY_SLACK_MS = 250;

	/** The backlog grows when its later mean exceeds this factor times the earlier mean... */
	static final double BACKLOG_FACTOR = 1.5;

	/** ...plus this many seconds of load. */
	static final double BACKLOG_SLACK_SECONDS = 5;

	/** The API must have accepted at least this share of the offered rate in the last third. */
	static final double RATE_HELD = 0.95;

	/**
	 * One check.
	 * @param what the figure, e.g. {@code heap after full GC: api-service (MB)}
	 * @param earlier its value in the second third (or at the end of the warm-up)
	 * @param later its value in the last third (or at the end)
	 * @param limit the most {@code later} may be (the least, for a rate)
	 */
	public record Check(String what, double earlier, double later, double limit, boolean passed) {
	}

	static SoakVerdict of(List<Check> checks, boolean lossPassed) {
		return new SoakVerdict(List.copyOf(checks), lossPassed,
				lossPassed && checks.stream().allMatch(Check::passed));
	}

	/** Memory (MB): flat unless it grew by more than 15 % and more than 32 MB. */
	static Check memory(String what, double earlier, double later) {
		if (earlier < 0 || later < 0) {
			return new Check(what + " (not read)", earlier, later, -1, true);
		}
		double limit = earlier + Math.max(earlier * GROWTH_PERCENT / 100, GROWTH_MB);
		return new Check(what, round(earlier), round(later), round(limit), later <= limit);
	}

	/** A p99 latency (ms): flat unless it more than doubled and rose by more than 250 ms. */
	static Check latency(String what, double earlier, double later) {
		double limit = Math.max(earlier * LATENCY_FACTOR, earlier + LATENCY_SLACK_MS);
		return new Check(what, round(earlier), round(later), round(limit), later <= limit);
	}

	/** A backlog (messages): flat unless its mean grew by half and by more than 5 s of load. */
	static Check backlog(String what, double earlier, double later, int rate) {
		double limit = earlier * BACKLOG_FACTOR + BACKLOG_SLACK_SECONDS * rate;
		return new Check(what, round(earlier), round(later), round(limit), later <= limit);
	}

	/** The accepted rate of the last third against the offered rate. */
	static Check rateHeld(double earlier, double later, int rate) {
		double limit = rate * RATE_HELD;
		return new Check("accepted msg/s (at least)", round(earlier), round(later), round(limit), later >= limit);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
