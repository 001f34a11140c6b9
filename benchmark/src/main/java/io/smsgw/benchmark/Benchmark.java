package io.smsgw.benchmark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.benchmark.BenchmarkOptions.Mode;

/**
 * The benchmark's command line: starts the suite, warms it up, makes the measured runs, prints
 * the table, writes the JSON, and stops every process it started (also on failure or Ctrl-C).
 * Exit code 0 when every run passed the loss check, 1 when one did not, 2 on an error.
 */
public final class Benchmark {

	private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

	/** Messages of run k are numbered from (k + 1) × this; the warm-up from 0. */
	static final long SEQ_BLOCK = 10_000_000L;

	/** Sequence block of the first warm-up (one block per measured mode; measured runs use 1, 2, ...). */
	private static final long WARMUP_BLOCK = 5;

	private Benchmark() {
	}

	public static void main(String[] args) {
		try {
			BenchmarkOptions options = BenchmarkOptions.parse(args);
			if (options.soak()) {
				SoakReport soak = Soak.run(options, libDirectory());
				System.out.println("\nJSON written to " + options.output().toAbsolutePath());
				System.exit(soak.passed() ? 0 : 1);
			}
			if (options.bind()) {
				BindRun.BindReport bind = BindRun.run(options, libDirectory());
				System.out.print(BindRun.table(bind));
				ReportWriter.writeJson(options.output(), options, "bind", bind);
				System.out.println("\nJSON written to " + options.output().toAbsolutePath());
				System.exit(bind.passed() ? 0 : 1);
			}
			List<RunReport> runs = run(options, libDirectory());
			System.out.println("\nJSON written to " + options.output().toAbsolutePath());
			System.exit(runs.stream().allMatch((r) -> r.loss().passed()) ? 0 : 1);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
		catch (Exception ex) {
			log.error("Benchmark failed", ex);
			System.exit(2);
		}
	}

	/** Starts the suite, runs the warm-up and the measured runs, writes the JSON, stops the suite. */
	public static List<RunReport> run(BenchmarkOptions options, Path lib) throws Exception {
		if (options.messages() >= SEQ_BLOCK || options.warmup() >= SEQ_BLOCK) {
			throw new IllegalArgumentException("At most " + (SEQ_BLOCK - 1) + " messages per run");
		}
		Path work = (options.workDirectory() != null) ? Files.createDirectories(options.workDirectory())
				: Files.createTempDirectory("smsgw-benchmark-");
		try (Suite started = Suite.start(options, lib, work)) {
			LoadDriver driver = new LoadDriver(started.api().url(), started.clientId(), started.clientSecret(),
					started.receiver().url());
			Run run = new Run(started, driver);
			// each measured mode is warmed up on its own code path (the batch path is not the single one):
			// a short run on fresh JVMs otherwise measures the JIT compilers, a third of the suite's CPU
			long warmupBlock = WARMUP_BLOCK;
			for (Mode mode : (options.warmup() > 0) ? options.modes() : List.<Mode>of()) {
				RunReport warmup = run.execute(mode, warmupBlock++ * SEQ_BLOCK, options.warmup(), 0,
						options.concurrency(), (mode == Mode.BATCH) ? options.batchSize() : 1, options.timeoutSeconds());
				log.info("Warm-up ({}): {} accepted, {} without final status", mode, warmup.accepted(),
						warmup.loss().withoutFinalStatus());
			}
			List<RunReport> reports = new ArrayList<>();
			long block = 1;
			for (Mode mode : options.modes()) {
				RunReport report = run.execute(mode, block++ * SEQ_BLOCK, options.messages(), options.rate(),
						options.concurrency(), options.batchSize(), options.timeoutSeconds());
				reports.add(report);
				System.out.print(ReportWriter.table(report));
				// written after each run, so that a long second run interrupted leaves the first one's figures
				ReportWriter.writeJson(options.output(), options, reports);
			}
			log.info("Logs{} in {}", options.jfr() ? " and JFR recordings (written as the services stop)" : "", work);
			return reports;
		}
	}

	/** {@code lib/} beside the benchmark's jar (or beside target/classes when run from the build). */
	static Path libDirectory() throws URISyntaxException {
		String property = System.getProperty("smsgw.benchmark.lib");
		if (property != null) {
			return Path.of(property);
		}
		Path location = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return location.getParent().resolve("lib");
	}

}
