package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --mode soak} of the benchmark's command line: starts the suite, runs one {@link SoakRun}
 * (printing each sample as it is taken), prints the tables, writes the JSON, and stops every
 * process it started (also on failure or Ctrl-C).
 */
final class Soak {

	private static final Logger log = LoggerFactory.getLogger(Soak.class);

	private Soak() {
	}

	static SoakReport run(BenchmarkOptions options, Path lib) throws Exception {
		Path work = (options.workDirectory() != null) ? Files.createDirectories(options.workDirectory())
				: Files.createTempDirectory("smsgw-soak-");
		try (Suite started = Suite.start(options, lib, work)) {
			LoadDriver driver = new LoadDriver(started.api().url(), started.clientId(), started.clientSecret(),
					started.receiver().url());
			System.out.print(SoakWriter.header());
			SoakReport report = new SoakRun(started, driver, work).execute(Benchmark.SEQ_BLOCK, (sample) -> {
				System.out.print(SoakWriter.line(sample));
				System.out.flush();
				return sample;
			});
			System.out.print(SoakWriter.table(report));
			SoakWriter.writeJson(options.output(), options, report);
			log.info("Logs in {}", work);
			return report;
		}
	}

}
