package io.smsgw.benchmark;

import java.util.Map;

import io.smsgw.benchmark.RunReport.Percentiles;

/**
 * One sample of a soak: what happened in the interval that ended at {@code atSeconds} (rates,
 * latencies of the interval) and the state at that moment (backlogs, memory). {@code -1} where a
 * figure could not be read.
 *
 * @param atSeconds end of the interval, seconds after the load started
 * @param phase {@code load} while the load is offered, {@code drain} after it
 * @param offered messages whose request was sent so far
 * @param accepted messages accepted so far
 * @param acceptedPerSecond accepted in the interval, per second
 * @param refused messages refused so far (HTTP errors, connection errors, refused batch items)
 * @param http latency of the requests answered in the interval
 * @param acceptToSmsc from the API's answer to the submit_sm, of the submits that arrived in the interval
 * @param submitsPerSecond submit_sm of this soak at the SMSC in the interval, per second
 * @param notFinal accepted messages without a final-status callback yet: the end-to-end backlog
 * @param pendingWebhooks webhook-service's {@code sms.webhook.pending} gauge
 * @param outboxLag api-service's {@code sms.outbox.lag} gauge
 * @param kafkaLag consumer lag summed over the services' consumers
 * @param processes per process
 */
public record SoakSample(double atSeconds, String phase, int offered, int accepted, double acceptedPerSecond,
		int refused, Percentiles http, Percentiles acceptToSmsc, double submitsPerSecond, int notFinal,
		double pendingWebhooks, double outboxLag, double kafkaLag, Map<String, ProcessSample> processes) {

	/**
	 * One process at one sample.
	 * @param rssMb resident memory now (for PostgreSQL: PSS summed over its processes, shared memory counted once)
	 * @param cpuPercent CPU of one core used in the interval
	 * @param heapUsedMb JVM heap in use now (services only)
	 * @param liveDataMb old generation after its last collection ({@code jvm.gc.live.data.size}; services only)
	 */
	public record ProcessSample(double rssMb, double cpuPercent, double heapUsedMb, double liveDataMb) {
	}

}
