package io.smsgw.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smsgw.benchmark.RunReport.Percentiles;
import io.smsgw.benchmark.SoakSample.ProcessSample;
import io.smsgw.simulator.smsc.ReceivedSubmit;
import io.smsgw.simulator.smsc.SmscSimulator;

/**
 * Takes a soak's samples: per interval, what the driver, the SMSC and the webhook receiver saw,
 * and per process what {@link SuiteProbe} reads. Keeps every message's first submit (time and
 * accept-to-submit latency) so that the latency of any stretch of the soak can be told afterwards.
 * Used by one thread.
 */
final class SoakSampler {

	private final SendLog sent;

	private final SmscSimulator simulator;

	private final WebhookReceiver receiver;

	private final SuiteProbe probe;

	private final boolean[] atSmsc;

	private long[] submitMicros = new long[1024];

	private long[] submitLatency = new long[1024];

	private int submits;

	private int submitCursor;

	private long lastMicros;

	private int lastAccepted;

	SoakSampler(SendLog sent, SmscSimulator simulator, WebhookReceiver receiver, SuiteProbe probe) {
		this.sent = sent;
		this.simulator = simulator;
		this.receiver = receiver;
		this.probe = probe;
		this.atSmsc = new boolean[sent.size()];
		probe.read();
	}

	/** Starts the first interval (when the load starts). */
	void start() {
		this.lastMicros = Clocks.nowMicros();
		this.probe.read();
	}

	SoakSample sample(String phase) {
		long now = Clocks.nowMicros();
		double seconds = Math.max(1e-3, (now - this.lastMicros) / 1e6);
		int before = this.submits;
		collectSubmits();
		long[] smsc = Arrays.copyOfRange(this.submitLatency, before, this.submits);
		long[] http = this.sent.latenciesAnswered(this.lastMicros, now);
		int accepted = this.sent.acceptedCount();
		int refused = this.sent.refusals().values().stream().mapToInt(Integer::intValue).sum();
		Map<String, SuiteProbe.Reading> readings = this.probe.read();
		Map<String, ProcessSample> processes = new LinkedHashMap<>();
		double pending = -1;
		double outbox = -1;
		double lag = -1;
		for (Map.Entry<String, SuiteProbe.Reading> e : readings.entrySet()) {
			SuiteProbe.Reading r = e.getValue();
			processes.put(e.getKey(), new ProcessSample(r.rssMb(), r.cpuPercent(), round(r.scrape().heapUsedMb()),
					round(r.scrape().liveDataMb())));
			pending = Math.max(pending, r.scrape().pendingWebhooks());
			outbox = Math.max(outbox, r.scrape().outboxLag());
			if (r.scrape().kafkaLag() >= 0) {
				lag = Math.max(lag, 0) + r.scrape().kafkaLag();
			}
		}
		SoakSample sample = new SoakSample(Math.round((now - this.sent.startMicros()) / 1e5) / 10.0, phase,
				this.sent.issuedCount(), accepted, Math.round((accepted - this.lastAccepted) / seconds * 10) / 10.0,
				refused, Percentiles.ofMicros(http), Percentiles.ofMicros(smsc),
				Math.round((this.submits - before) / seconds * 10) / 10.0, notFinal(), pending, outbox, lag, processes);
		this.lastMicros = now;
		this.lastAccepted = accepted;
		return sample;
	}

	/** Accept-to-submit latencies (µs) of the first submits that arrived from {@code fromMicros} to {@code toMicros}. */
	long[] acceptToSmsc(long fromMicros, long toMicros) {
		long[] selected = new long[this.submits];
		int n = 0;
		for (int i = 0; i < this.submits; i++) {
			if (this.submitMicros[i] >= fromMicros && this.submitMicros[i] < toMicros) {
				selected[n++] = this.submitLatency[i];
			}
		}
		return Arrays.copyOf(selected, n);
	}

	/** Accepted messages without a final-status callback. */
	int notFinal() {
		int missing = 0;
		for (int i = 0; i < this.sent.size(); i++) {
			String id = this.sent.id(i);
			if (id != null) {
				WebhookReceiver.Callbacks callbacks = this.receiver.of(id);
				if (callbacks == null || callbacks.finalStatus() == null) {
					missing++;
				}
			}
		}
		return missing;
	}

	private void collectSubmits() {
		List<ReceivedSubmit> all = this.simulator.submits();
		for (; this.submitCursor < all.size(); this.submitCursor++) {
			ReceivedSubmit submit = all.get(this.submitCursor);
			int index = indexOf(submit.destAddr());
			if (index < 0 || this.atSmsc[index] || this.sent.id(index) == null) {
				continue;
			}
			this.atSmsc[index] = true;
			if (this.submits == this.submitMicros.length) {
				this.submitMicros = Arrays.copyOf(this.submitMicros, this.submits * 2);
				this.submitLatency = Arrays.copyOf(this.submitLatency, this.submits * 2);
			}
			long at = Clocks.micros(submit.receivedAt());
			this.submitMicros[this.submits] = at;
			this.submitLatency[this.submits++] = Math.max(0, at - this.sent.acceptedMicros(index));
		}
	}

	private int indexOf(String destination) {
		long seq = LoadDriver.seqOf(destination);
		long index = seq - this.sent.firstSeq();
		return (seq >= 0 && index >= 0 && index < this.sent.size()) ? (int) index : -1;
	}

	private static double round(double value) {
		return (value < 0) ? value : Math.round(value * 10) / 10.0;
	}

}
