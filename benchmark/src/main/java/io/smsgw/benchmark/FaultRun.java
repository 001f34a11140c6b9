package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.simulator.smsc.ReceivedSubmit;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault run's command line: starts the suite once (with an {@link SmscLink} between the
 * connector and the simulator), runs the scenarios one after the other, each under a steady load,
 * prints a table of counts per scenario and writes them as JSON. Exit code 0 when every scenario
 * passed, 1 when one did not, 2 on an error. Every process it started is stopped at the end, on
 * failure and on Ctrl-C.
 */
public final class FaultRun {

	private static final Logger log = LoggerFactory.getLogger(FaultRun.class);

	/** Messages of scenario k are numbered from (k + 1) × this; the warm-up from 0. */
	static final long SEQ_BLOCK = 1_000_000L;

	/** Simulated modems in the rack of {@code modem-vanish}. */
	static final int MODEMS = 3;

	private FaultRun() {
	}

	public static void main(String[] args) {
		try {
			FaultSettings settings = FaultSettings.parse(args);
			List<FaultTally> tallies = run(settings, Benchmark.libDirectory());
			System.out.println("\nJSON written to " + settings.output().toAbsolutePath());
			System.exit(tallies.stream().allMatch(FaultTally::passed) ? 0 : 1);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
		catch (Exception ex) {
			log.error("Fault run failed", ex);
			System.exit(2);
		}
	}

	/** Starts the suite, runs the scenarios, writes the JSON after each, stops the suite. */
	public static List<FaultTally> run(FaultSettings settings, Path lib) throws Exception {
		Path work = (settings.workDirectory() != null) ? Files.createDirectories(settings.workDirectory())
				: Files.createTempDirectory("smsgw-faults-");
		try (Suite suite = startSuite(settings, lib, work)) {
			List<FaultTally> tallies = new ArrayList<>();
			warmUp(suite, settings);
			for (FaultScenario scenario : settings.scenarios()) {
				FaultTally tally = scenario(suite, scenario, settings, work.resolve("logs"));
				tallies.add(tally);
				System.out.print(table(List.of(tally)));
				writeJson(settings, tallies);
			}
			System.out.print("\n" + table(tallies));
			log.info("Logs in {}", work);
			return tallies;
		}
	}

	/** The suite of a fault run: the benchmark's, with the SMSC behind a breakable link. */
	public static Suite startSuite(FaultSettings settings, Path lib, Path work) throws Exception {
		BenchmarkOptions options = BenchmarkOptions.defaults().with((b) -> {
			b.root = settings.root().toAbsolutePath().normalize();
			b.serviceHeap = settings.serviceHeap();
			b.kafkaHeap = settings.kafkaHeap();
		});
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("spring.kafka.consumer.properties.session.timeout.ms", settings.sessionTimeoutMs());
		extra.put("spring.kafka.consumer.properties.heartbeat.interval.ms", Math.max(1000, settings.sessionTimeoutMs() / 3));
		ModemRig.Plan modems = null;
		if (settings.scenarios().stream().anyMatch(FaultScenario::usesModems)) {
			if (!ModemRig.available()) {
				// the modem scenario's row then fails saying so; the others run
				log.warn("socat is not installed (apt-get install socat): no modem rack, modem-vanish cannot run");
			}
			else {
				modems = new ModemRig.Plan(MODEMS, Duration.ofSeconds(settings.modemAwaySeconds()),
						modemPrefix(FaultScenario.MODEM_VANISH));
			}
		}
		return Suite.start(options, lib, work, true, extra, modems);
	}

	/**
	 * The destination prefix of a scenario's messages: {@code 49151} and the first two digits of
	 * its block (message seq {@code (k + 1) × SEQ_BLOCK} onwards), e.g. {@code 4915111}.
	 */
	static String modemPrefix(FaultScenario scenario) {
		return LoadDriver.destination((scenario.ordinal() + 1) * SEQ_BLOCK).substring(0, 7);
	}

	/** A few messages through the whole suite, awaited, so that the first scenario does not pay the start-up. */
	static void warmUp(Suite suite, FaultSettings settings) throws Exception {
		FaultLoad load = new FaultLoad(suite.api().url(), suite.clientId(), suite.clientSecret(), suite.receiver().url());
		load.start(0, Math.min(settings.rate(), 50), 8);
		Thread.sleep(3000);
		load.stop();
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (missingFinals(suite, load) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		log.info("Warm-up: {} accepted, {} without a final status", load.accepted().size(), missingFinals(suite, load));
	}

	/** Runs one scenario on the suite: load, fault, recovery, more load, then waits for every final status and counts. */
	public static FaultTally scenario(Suite suite, FaultScenario scenario, FaultSettings settings, Path logs)
			throws Exception {
		long firstSeq = (scenario.ordinal() + 1) * SEQ_BLOCK;
		FaultLoad load = new FaultLoad(suite.api().url(), suite.clientId(), suite.clientSecret(), suite.receiver().url());
		int rate = scenario.usesModems() ? settings.modemRate() : settings.rate();
		log.info("Scenario {}: {} msg/s, fault after {} s", scenario.id(), rate, settings.leadSeconds());
		load.start(firstSeq, rate, Math.min(rate, settings.clients()));
		Thread.sleep(settings.leadSeconds() * 1000L);
		long faultMicros = Clocks.nowMicros();
		String fault;
		try {
			fault = scenario.inject(suite, settings, logs);
		}
		catch (Exception ex) {
			// counted all the same: the row says the recovery step failed, and the run goes on
			log.error("Scenario {}: the fault or its recovery failed", scenario.id(), ex);
			fault = "RECOVERY FAILED: " + ex.getMessage().lines().findFirst().orElse("");
		}
		long endMicros = Clocks.nowMicros();
		log.info("Scenario {}: {} ({} s); load goes on {} s", scenario.id(), fault, (endMicros - faultMicros) / 1_000_000,
				settings.trailSeconds());
		Thread.sleep(settings.trailSeconds() * 1000L);
		load.stop();
		long deadline = System.nanoTime() + settings.boundSeconds() * 1_000_000_000L
				- (Clocks.nowMicros() - endMicros) * 1000L;
		int missing = missingFinals(suite, load);
		while (missing > 0 && System.nanoTime() < deadline) {
			Thread.sleep(250);
			missing = missingFinals(suite, load);
		}
		// late duplicates would show up now
		Thread.sleep(2000);
		// where the messages went out: the modem rack, or the SMSC (answered submits)
		List<String> taken = (scenario.usesModems() && suite.modems() != null)
				? suite.modems().submittedDestinations()
				: suite.simulator().submits().stream().filter(ReceivedSubmit::accepted).map(ReceivedSubmit::destAddr).toList();
		FaultTally tally = FaultTally.count(scenario.id(), fault, (endMicros - faultMicros) / 100_000 / 10.0, load,
				taken, suite.receiver(), scenario.killsWebhook() ? crashCutoff(suite) : 0, endMicros,
				settings.boundSeconds());
		log.info("Scenario {}: {}", scenario.id(), tally.passed() ? "passed" : "FAILED " + tally.problems());
		return tally;
	}

	/**
	 * Until when a callback can only have come from the killed webhook-service: the receiver stamps a
	 * callback when one of its handler threads takes it, so what the killed process sent can be stamped
	 * after the kill, while the receiver works through its queue; the restarted process sends nothing
	 * in its first seconds (JVM, Spring context, Flyway, Kafka). Its launch plus 2 s.
	 */
	private static long crashCutoff(Suite suite) {
		return suite.service("webhook-service").process().startedMicros() + 2_000_000;
	}

	private static int missingFinals(Suite suite, FaultLoad load) {
		int missing = 0;
		for (String id : load.accepted().values()) {
			WebhookReceiver.Callbacks got = suite.receiver().of(id);
			if (got == null || got.finalStatus() == null) {
				missing++;
			}
		}
		return missing;
	}

	/** One row per scenario, as Markdown. */
	public static String table(List<FaultTally> tallies) {
		StringBuilder t = new StringBuilder("\n| scenario | fault s | requests | accepted (202) | no answer | other answers "
				+ "| submits at SMSC | unique at SMSC | submitted twice | stored without 202 | final | callbacks "
				+ "| duplicate callbacks | redelivered after crash | not at SMSC | not final | last final after fault (s) | passed |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (FaultTally f : tallies) {
			t.append(String.format(java.util.Locale.ROOT,
					"| %s | %.1f | %d | %d | %s | %s | %d | %d | %d | %d | %s | %d | %d | %d | %d | %d | %.1f | %s |%n",
					f.scenario(), f.faultSeconds(), f.requests(), f.accepted(), counts(f.connectionErrors()),
					counts(f.refusals()) + " (" + f.internalErrors() + " × 500)", f.submitsAtSmsc(), f.uniqueAtSmsc(), f.submittedTwice(), f.storedWithout202(),
					counts(f.finalStatuses()), f.callbacks(), f.duplicateCallbacks(), f.redeliveredAfterCrash(),
					f.notAtSmsc(), f.notFinal(), f.lastFinalAfterFaultEndSeconds(),
					f.passed() ? "yes" : "**no**: " + String.join("; ", f.problems())));
		}
		return t.toString();
	}

	private static String counts(Map<String, Integer> counts) {
		if (counts.isEmpty()) {
			return "0";
		}
		StringBuilder text = new StringBuilder();
		counts.forEach((key, value) -> text.append((text.length() > 0) ? ", " : "").append(value).append(' ').append(key));
		return text.toString();
	}

	private static void writeJson(FaultSettings settings, List<FaultTally> tallies) throws Exception {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("date", Instant.now().toString());
		document.put("cores", Runtime.getRuntime().availableProcessors());
		document.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
		document.put("settings", settings);
		List<Map<String, Object>> scenarios = new ArrayList<>();
		for (FaultTally tally : tallies) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("tally", tally);
			entry.put("problems", tally.problems());
			scenarios.add(entry);
		}
		document.put("scenarios", scenarios);
		JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValue(settings.output().toFile(), document);
	}

}
