package io.smsgw.benchmark;

import java.util.List;
import java.util.Map;

import io.smsgw.benchmark.BenchmarkOptions.Mode;
import io.smsgw.benchmark.RunReport.Loss;
import io.smsgw.benchmark.RunReport.Percentiles;
import io.smsgw.benchmark.RunReport.ProcessUse;
import io.smsgw.simulator.smsc.ReceivedSubmit;

/**
 * Matches what the driver sent, what the SMSC received (by destination number) and what the
 * tenant's webhook got (by message id), and turns it into a {@link RunReport}.
 */
final class RunAnalysis {

	private final SendLog sent;

	private final WebhookReceiver receiver;

	private final long receiptDelayMicros;

	/** Per message of the run: the first accepted submit_sm's time (epoch µs), 0 if none. */
	private final long[] submitMicros;

	private final int[] submitCount;

	private int submits;

	private long firstSubmit = Long.MAX_VALUE;

	private long lastSubmit;

	RunAnalysis(SendLog sent, List<ReceivedSubmit> allSubmits, WebhookReceiver receiver, int receiptDelayMs) {
		this.sent = sent;
		this.receiver = receiver;
		this.receiptDelayMicros = receiptDelayMs * 1000L;
		this.submitMicros = new long[sent.size()];
		this.submitCount = new int[sent.size()];
		for (ReceivedSubmit submit : allSubmits) {
			int index = indexOf(submit.destAddr());
			if (index < 0 || !submit.accepted()) {
				continue;
			}
			long at = Clocks.micros(submit.receivedAt());
			this.submits++;
			this.submitCount[index]++;
			if (this.submitMicros[index] == 0 || at < this.submitMicros[index]) {
				this.submitMicros[index] = at;
			}
			this.firstSubmit = Math.min(this.firstSubmit, at);
			this.lastSubmit = Math.max(this.lastSubmit, at);
		}
	}

	private int indexOf(String destination) {
		long seq = LoadDriver.seqOf(destination);
		long index = seq - this.sent.firstSeq();
		return (seq >= 0 && index >= 0 && index < this.sent.size()) ? (int) index : -1;
	}

	RunReport report(Mode mode, int rate, double receiptsPerSecond, Map<String, ProcessUse> processes) {
		return report(mode.name().toLowerCase(java.util.Locale.ROOT), rate, receiptsPerSecond, processes);
	}

	/** The report of a run named {@code mode} (e.g. {@code soak}). */
	RunReport report(String mode, int rate, double receiptsPerSecond, Map<String, ProcessUse> processes) {
		int n = this.sent.size();
		long[] acceptToSmsc = new long[n];
		long[] receiptToWebhook = new long[n];
		int a = 0;
		int r = 0;
		int notAtSmsc = 0;
		int withoutFinal = 0;
		int twice = 0;
		int duplicates = 0;
		int notDelivered = 0;
		int callbacks = 0;
		long firstCallback = Long.MAX_VALUE;
		long lastCallback = 0;
		long lastFinal = 0;
		for (int i = 0; i < n; i++) {
			String id = this.sent.id(i);
			if (id == null) {
				continue;
			}
			if (this.submitMicros[i] == 0) {
				notAtSmsc++;
			}
			else {
				acceptToSmsc[a++] = this.submitMicros[i] - this.sent.acceptedMicros(i);
			}
			if (this.submitCount[i] > 1) {
				twice++;
			}
			WebhookReceiver.Callbacks got = this.receiver.of(id);
			if (got == null || got.finalStatus() == null) {
				withoutFinal++;
			}
			if (got == null) {
				continue;
			}
			callbacks += got.count();
			duplicates += got.repeated();
			firstCallback = Math.min(firstCallback, got.firstMicros());
			lastCallback = Math.max(lastCallback, got.lastMicros());
			if (got.finalStatus() != null) {
				lastFinal = Math.max(lastFinal, got.finalMicros());
				if (!"delivered".equals(got.finalStatus())) {
					notDelivered++;
				}
				else if (this.submitMicros[i] != 0) {
					receiptToWebhook[r++] = got.finalMicros() - (this.submitMicros[i] + this.receiptDelayMicros);
				}
			}
		}
		int accepted = this.sent.acceptedCount();
		double sendMillis = (this.sent.endMicros() - this.sent.startMicros()) / 1000.0;
		double lastAtSmsc = (this.lastSubmit > 0) ? (this.lastSubmit - this.sent.startMicros()) / 1000.0 : 0;
		return new RunReport(mode, n, rate, accepted,
				this.sent.refusals(), sendMillis, perSecond(accepted, sendMillis), this.submits,
				perSecond(this.submits, (this.lastSubmit - this.firstSubmit) / 1000.0), lastAtSmsc,
				perSecond(accepted, lastAtSmsc), receiptsPerSecond, callbacks,
				perSecond(callbacks, (lastCallback - firstCallback) / 1000.0),
				(lastFinal > 0 && this.lastSubmit > 0) ? (lastFinal - this.lastSubmit) / 1000.0 : 0,
				Percentiles.ofMicros(this.sent.latencies()), Percentiles.ofMicros(java.util.Arrays.copyOf(acceptToSmsc, a)),
				Percentiles.ofMicros(java.util.Arrays.copyOf(receiptToWebhook, r)),
				new Loss(notAtSmsc, withoutFinal, twice, duplicates, notDelivered), processes);
	}

	/** CPU used between two readings and peak memory, per process, over a run of {@code runMicros}. */
	static Map<String, ProcessUse> usage(Map<String, ProcessStats> before, Map<String, ProcessStats> after,
			long runMicros) {
		Map<String, ProcessUse> usage = new java.util.LinkedHashMap<>();
		after.forEach((name, stats) -> {
			ProcessStats used = stats.since(before.getOrDefault(name, ProcessStats.NONE));
			usage.put(name, new ProcessUse(used.cpuMillis() / 1000.0,
					Math.round(used.cpuMillis() * 1000.0 / Math.max(1, runMicros) * 1000) / 10.0,
					Math.round(stats.peakRssKb() / 102.4) / 10.0, used.jitMillis() / 1000.0));
		});
		return usage;
	}

	private static double perSecond(long count, double millis) {
		return (millis > 0) ? Math.round(count * 1000.0 / millis) : 0;
	}

}
