package io.smsgw.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A soak on a running suite: offers a fixed rate for a duration (open loop), samples every few
 * seconds, runs a full GC in every service at the end of the warm-up (the first third) and at
 * the end of the load to read the live heap, waits for every final status, then judges
 * flatness ({@link SoakVerdicts}) and loss ({@link RunAnalysis}).
 */
public final class SoakRun {

	private static final Logger log = LoggerFactory.getLogger(SoakRun.class);

	private final Suite suite;

	private final LoadDriver driver;

	private final Path work;

	private final AtomicBoolean stop = new AtomicBoolean();

	/**
	 * @param work the suite's work directory (where PostgreSQL's data directory is)
	 */
	public SoakRun(Suite suite, LoadDriver driver, Path work) {
		this.suite = suite;
		this.driver = driver;
		this.work = work;
	}

	/** Asks a running soak to stop offering load (e.g. on Ctrl-C); it still drains and reports. */
	public void stop() {
		this.stop.set(true);
	}

	/** Runs the soak with the suite's options; message numbers start at {@code firstSeq}. */
	public SoakReport execute(long firstSeq, SampleListener listener) throws InterruptedException {
		BenchmarkOptions options = this.suite.options();
		int rate = options.soakRate();
		int duration = options.durationSeconds();
		long messages = (long) rate * duration;
		if (messages >= Benchmark.SEQ_BLOCK) {
			throw new IllegalArgumentException("At most " + (Benchmark.SEQ_BLOCK - 1) + " messages in a soak (rate × duration)");
		}
		SendLog sent = new SendLog(firstSeq, (int) messages);
		SuiteProbe probe = SuiteProbe.discover(this.work);
		log.info("Soak: {} msg/s for {} s ({} messages, {} % in batches of {}), sampling every {} s; processes {}",
				rate, duration, messages, options.batchPercent(), options.batchSize(), options.sampleSeconds(),
				probe.targets());
		SoakSampler sampler = new SoakSampler(sent, this.suite.simulator(), this.suite.receiver(), probe);
		Map<String, Map<String, Double>> heap = new LinkedHashMap<>();
		List<SoakSample> samples = new ArrayList<>();
		Map<String, ProcessStats> before = this.suite.stats();
		// receipts/s of a soak: over its whole length (a 20 ms sampler over half an hour would hold 90,000 samples)
		int receiptsBefore = this.suite.simulator().receiptsSent();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread load = new Thread(() -> {
			try {
				this.driver.soak(sent, rate, options.batchSize(), options.batchPercent(), options.concurrency(),
						this.stop::get);
			}
			catch (InterruptedException | RuntimeException ex) {
				failure.set(ex);
			}
		}, "soak-load");
		load.setDaemon(true);
		sampler.start();
		load.start();
		long startNanos = System.nanoTime();
		long sampleNanos = options.sampleSeconds() * 1_000_000_000L;
		long warmupEndNanos = startNanos + duration * 1_000_000_000L / 3;
		CompletableFuture<Map<String, Double>> warmupGc = null;
		for (long next = startNanos + sampleNanos; load.isAlive(); next += sampleNanos) {
			load.join(Math.max(1, (next - System.nanoTime()) / 1_000_000));
			if (!load.isAlive()) {
				break;
			}
			samples.add(listener.sampled(sampler.sample("load")));
			if (warmupGc == null && System.nanoTime() >= warmupEndNanos) {
				// beside the sampling: on a busy machine the collections and jcmd take longer than an interval
				warmupGc = new CompletableFuture<>();
				CompletableFuture<Map<String, Double>> result = warmupGc;
				Thread gc = new Thread(() -> result.complete(probe.heapAfterFullGc()), "soak-full-gc");
				gc.setDaemon(true);
				gc.start();
			}
		}
		if (failure.get() != null) {
			throw new IllegalStateException("The soak's load failed", failure.get());
		}
		samples.add(listener.sampled(sampler.sample("load")));
		long loadEndMicros = Clocks.nowMicros();
		if (warmupGc != null) {
			heap.put("afterWarmup", warmupGc.join());
			log.info("Live heap after the warm-up (MB, after a full GC): {}", heap.get("afterWarmup"));
		}
		heap.put("end", probe.heapAfterFullGc());
		log.info("Load done: {} of {} accepted; live heap at the end (MB, after a full GC): {}; waiting for final statuses",
				sent.acceptedCount(), sent.issuedCount(), heap.get("end"));
		long deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
		while (sampler.notFinal() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(Math.min(sampleNanos / 1_000_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			samples.add(listener.sampled(sampler.sample("drain")));
		}
		long doneMicros = Clocks.nowMicros();
		// late duplicates would show up now
		Thread.sleep(1000);
		RunReport totals = new RunAnalysis(sent, this.suite.simulator().submits(), this.suite.receiver(),
				options.receiptDelayMs())
			.report("soak", rate, (this.suite.simulator().receiptsSent() - receiptsBefore) * 1e6 / (doneMicros - sent.startMicros()),
					RunAnalysis.usage(before, this.suite.stats(), doneMicros - sent.startMicros()));
		SoakVerdict verdict = SoakVerdicts.judge(samples, heap, sent, sampler::acceptToSmsc, rate, duration, loadEndMicros,
				totals.loss().passed());
		log.info("Soak done: verdict {}, loss check {}", verdict.passed() ? "FLAT" : "NOT FLAT",
				totals.loss().passed() ? "passed" : "FAILED " + totals.loss());
		return new SoakReport(rate, duration, options.sampleSeconds(), options.batchPercent(), options.batchSize(),
				samples, heap, verdict, totals);
	}

	/** Sees each sample as it is taken (to print it); returns it. */
	@FunctionalInterface
	public interface SampleListener {

		SoakSample sampled(SoakSample sample);

	}

}
