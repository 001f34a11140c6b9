package io.smsgw.benchmark;

import java.util.List;
import java.util.Map;

/**
 * What a soak found: its samples, the live heap of each service after a full GC at the end of
 * the warm-up and at the end of the load, the flatness verdict, and the totals and loss check of
 * all its messages.
 *
 * @param rate offered messages per second
 * @param durationSeconds how long the load was offered
 * @param sampleSeconds the sampling interval
 * @param batchPercent share of the messages sent in batches
 * @param batchSize messages per batch
 * @param samples the time series, load then drain
 * @param heapAfterFullGc {@code afterWarmup} and {@code end}: per service, MB
 * @param verdict flat or not, check by check
 * @param totals every message of the soak as one run: counts, latencies, loss check, CPU and peak RSS
 */
public record SoakReport(int rate, int durationSeconds, int sampleSeconds, int batchPercent, int batchSize,
		List<SoakSample> samples, Map<String, Map<String, Double>> heapAfterFullGc, SoakVerdict verdict,
		RunReport totals) {

	/** Flat and nothing lost. */
	public boolean passed() {
		return this.verdict.passed();
	}

}
