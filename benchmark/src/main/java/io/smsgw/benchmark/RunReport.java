package io.smsgw.benchmark;

import java.util.Arrays;
import java.util.Map;

/**
 * The figures of one measured run, as printed and written to JSON. Times are in milliseconds,
 * rates in messages (or PDUs, or callbacks) per second.
 *
 * @param mode single or batch
 * @param messages messages offered
 * @param rate offered rate (0 = as fast as possible)
 * @param accepted messages the API accepted (202, or accepted in a batch)
 * @param refusals requests or items refused, by reason
 * @param sendMillis from the first request to the last answer
 * @param acceptedPerSecond accepted / sendMillis
 * @param submitsAtSmsc submit_sm of this run's messages the simulator answered ESME_ROK
 * @param submitsPerSecond from the first submit to the last
 * @param lastAtSmscMillis from the first request to the last submit_sm at the SMSC
 * @param endToEndPerSecond accepted / lastAtSmscMillis: REST → SMSC throughput
 * @param receiptsPerSecond receipts sent by the simulator, first to last
 * @param callbacks webhook callbacks received for this run's messages
 * @param callbacksPerSecond first callback to last
 * @param lastFinalAfterLastSubmitMillis from the last submit_sm to the last final-status callback
 * @param httpLatency latency of each HTTP request (a whole batch for batch sends)
 * @param acceptToSmsc from the API's answer to the submit_sm at the SMSC
 * @param receiptToWebhook from the receipt's due time at the simulator to the final callback
 * @param loss the loss check
 * @param processes CPU used during the run and peak memory, per process
 */
public record RunReport(String mode, int messages, int rate, int accepted, Map<String, Integer> refusals,
		double sendMillis, double acceptedPerSecond, int submitsAtSmsc, double submitsPerSecond,
		double lastAtSmscMillis, double endToEndPerSecond, double receiptsPerSecond, int callbacks,
		double callbacksPerSecond, double lastFinalAfterLastSubmitMillis, Percentiles httpLatency,
		Percentiles acceptToSmsc, Percentiles receiptToWebhook, Loss loss, Map<String, ProcessUse> processes) {

	/**
	 * Latency percentiles in milliseconds.
	 * @param count samples
	 */
	public record Percentiles(int count, double p50, double p95, double p99, double max) {

		/** Percentiles of samples in microseconds (the array is sorted in place). */
		static Percentiles ofMicros(long[] micros) {
			if (micros.length == 0) {
				return new Percentiles(0, 0, 0, 0, 0);
			}
			Arrays.sort(micros);
			return new Percentiles(micros.length, at(micros, 0.50), at(micros, 0.95), at(micros, 0.99),
					micros[micros.length - 1] / 1000.0);
		}

		private static double at(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1000.0;
		}

	}

	/**
	 * The loss check: every accepted message at the SMSC and in a final status, nothing twice.
	 * @param notAtSmsc accepted messages the SMSC never accepted a submit_sm for
	 * @param withoutFinalStatus accepted messages without a final-status callback
	 * @param submittedTwice messages the SMSC received more than once (a resubmission)
	 * @param duplicateCallbacks callbacks repeating an event id the tenant already had
	 * @param notDelivered messages whose final status is not {@code delivered}
	 */
	public record Loss(int notAtSmsc, int withoutFinalStatus, int submittedTwice, int duplicateCallbacks,
			int notDelivered) {

		/** No message lost and none delivered twice to the tenant. */
		public boolean passed() {
			return this.notAtSmsc == 0 && this.withoutFinalStatus == 0 && this.duplicateCallbacks == 0;
		}

	}

	/**
	 * @param cpuSeconds CPU time used during the run (user + system)
	 * @param cpuPercent of one core, over the run (first request to last final callback)
	 * @param peakRssMb peak resident memory since the process started (VmHWM; summed for PostgreSQL's processes)
	 * @param jitSeconds of {@code cpuSeconds}, the JIT compiler threads' (a JVM still compiling its hot code)
	 */
	public record ProcessUse(double cpuSeconds, double cpuPercent, double peakRssMb, double jitSeconds) {
	}

}
