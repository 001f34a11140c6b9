package io.smsgw.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.benchmark.BenchmarkOptions.Mode;
import io.smsgw.benchmark.RunReport.ProcessUse;
import io.smsgw.simulator.smsc.SmscSimulator;

/**
 * One measured run on a running suite: sends the messages, waits until each accepted one has a
 * final status at the tenant's webhook (or the timeout), and works out the figures.
 */
public final class Run {

	private static final Logger log = LoggerFactory.getLogger(Run.class);

	private final Suite suite;

	private final LoadDriver driver;

	public Run(Suite suite, LoadDriver driver) {
		this.suite = suite;
		this.driver = driver;
	}

	/**
	 * Sends {@code messages} messages numbered from {@code firstSeq} (numbers must not repeat within a suite).
	 * @param awaitSeconds longest wait for the last final status after the last answer
	 */
	public RunReport execute(Mode mode, long firstSeq, int messages, int rate, int concurrency, int batchSize,
			int awaitSeconds) throws InterruptedException {
		SmscSimulator simulator = this.suite.simulator();
		boolean statements = this.suite.options().pgStatements();
		if (statements) {
			PgStatements.reset(this.suite.database());
		}
		Map<String, ProcessStats> before = this.suite.stats();
		ReceiptSampler receipts = ReceiptSampler.start(simulator);
		log.info("{} run: {} messages, rate {}, {} clients{}", mode, messages, (rate == 0) ? "max" : rate, concurrency,
				(mode == Mode.BATCH) ? ", batches of " + batchSize : "");
		SendLog sent = this.driver.send(mode, firstSeq, messages, rate, concurrency, batchSize);
		log.info("{} of {} accepted in {} ms; waiting for final statuses", sent.acceptedCount(), messages,
				(sent.endMicros() - sent.startMicros()) / 1000);
		long deadline = System.nanoTime() + awaitSeconds * 1_000_000_000L;
		int missing = missingFinals(sent);
		while (missing > 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
			missing = missingFinals(sent);
		}
		long doneMicros = Clocks.nowMicros();
		// late duplicates would show up now
		Thread.sleep(1000);
		receipts.stop();
		Map<String, ProcessStats> after = this.suite.stats();
		if (statements) {
			Database database = this.suite.database();
			PgStatements.write(database, database.workDirectory().resolve(
					"pg-statements-" + mode.name().toLowerCase(java.util.Locale.ROOT) + "-" + firstSeq + ".txt"), messages);
		}
		RunReport report = new RunAnalysis(sent, simulator.submits(), this.suite.receiver(),
				this.suite.options().receiptDelayMs())
			.report(mode, rate, receipts.rate(), RunAnalysis.usage(before, after, doneMicros - sent.startMicros()));
		log.info("{} run done: loss check {}", mode, report.loss().passed() ? "passed" : "FAILED " + report.loss());
		return report;
	}

	private int missingFinals(SendLog sent) {
		int missing = 0;
		for (int i = 0; i < sent.size(); i++) {
			String id = sent.id(i);
			if (id != null) {
				WebhookReceiver.Callbacks callbacks = this.suite.receiver().of(id);
				if (callbacks == null || callbacks.finalStatus() == null) {
					missing++;
				}
			}
		}
		return missing;
	}

	/** Samples the simulator's receipt counter every 20 ms, to tell the receipt rate. */
	static final class ReceiptSampler implements Runnable {

		private final SmscSimulator simulator;

		private final int baseline;

		private final List<long[]> samples = new ArrayList<>();

		private volatile boolean running = true;

		private Thread thread;

		private ReceiptSampler(SmscSimulator simulator) {
			this.simulator = simulator;
			this.baseline = simulator.receiptsSent();
		}

		static ReceiptSampler start(SmscSimulator simulator) {
			ReceiptSampler sampler = new ReceiptSampler(simulator);
			sampler.thread = new Thread(sampler, "receipt-sampler");
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		@Override
		public void run() {
			while (this.running) {
				long count = this.simulator.receiptsSent() - this.baseline;
				synchronized (this.samples) {
					this.samples.add(new long[] { Clocks.nowMicros(), count });
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void stop() throws InterruptedException {
			this.running = false;
			this.thread.join();
		}

		/** Receipts per second from the first sample that saw one to the first that saw the last. */
		double rate() {
			synchronized (this.samples) {
				if (this.samples.isEmpty()) {
					return 0;
				}
				long total = this.samples.get(this.samples.size() - 1)[1];
				long first = 0;
				long last = 0;
				long firstCount = 0;
				for (long[] sample : this.samples) {
					if (first == 0 && sample[1] > 0) {
						first = sample[0];
						firstCount = sample[1];
					}
					if (sample[1] == total) {
						last = sample[0];
						break;
					}
				}
				double seconds = (last - first) / 1e6;
				return (seconds > 0) ? Math.round((total - firstCount) / seconds) : 0;
			}
		}

	}

}
