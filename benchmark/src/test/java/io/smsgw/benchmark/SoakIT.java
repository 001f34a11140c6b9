package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak CI runs: the suite as production runs it (see {@link BenchmarkIT}) under a modest fixed
 * load for 3 minutes, single sends with a share of batches; asserts that memory, latency and the
 * backlog stay flat (last third against the second) and that nothing is lost or called back twice.
 * The documented 30-minute soak is {@code java -jar benchmark/target/smsgw-benchmark.jar --mode soak
 * --duration 30m --rate 150}.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class SoakIT {

	static final int RATE = 20;

	static final int SECONDS = 180;

	private static Suite suite;


	private static Path work;

	@BeforeAll
	static void startSuite() throws Exception {
		// SMSGW_SOAK_ROOT: a copy of the services' exec jars (on a machine where they are being rebuilt meanwhile)
		String copy = System.getenv("SMSGW_SOAK_ROOT");
		Path root = Path.of((copy != null) ? copy : System.getProperty("smsgw.root", "..")).toAbsolutePath().normalize();
		Path lib = Path.of(System.getProperty("smsgw.benchmark.lib", "target/lib"));
		work = Files.createTempDirectory("smsgw-soak-it-");
		BenchmarkOptions options = BenchmarkOptions.defaults().with((b) -> {
			b.root = root;
			b.serviceHeap = "384m";
			b.kafkaHeap = "512m";
			b.soak = true;
			b.rate = RATE;
			b.durationSeconds = SECONDS;
			b.sampleSeconds = 10;
			b.batchSize = 20;
			b.batchPercent = 20;
			b.timeoutSeconds = 300;
		});
		suite = Suite.start(options, lib, work);
	}

	@AfterAll
	static void stopSuite() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void threeMinutesAtAFixedRateStayFlatAndLoseNothing() throws Exception {
		LoadDriver driver = new LoadDriver(suite.api().url(), suite.clientId(), suite.clientSecret(),
				suite.receiver().url());
		System.out.print(SoakWriter.header());
		SoakReport report = new SoakRun(suite, driver, work).execute(Benchmark.SEQ_BLOCK, (sample) -> {
			System.out.print(SoakWriter.line(sample));
			return sample;
		});
		System.out.print(SoakWriter.table(report));
		SoakWriter.writeJson(Path.of("target/soak-it.json"), suite.options(), report);

		int messages = RATE * SECONDS;
		RunReport totals = report.totals();
		assertThat(totals.accepted()).as("accepted of %s", totals.refusals()).isEqualTo(messages);
		assertThat(totals.loss().notAtSmsc()).as("accepted but never at the SMSC").isZero();
		assertThat(totals.loss().withoutFinalStatus()).as("without a final status").isZero();
		assertThat(totals.loss().duplicateCallbacks()).as("statuses delivered twice to the tenant").isZero();
		assertThat(totals.callbacks()).as("sent + delivered per message, each once").isEqualTo(2 * messages);

		// the samples read the suite from the outside: memory of every process, the services' heaps
		assertThat(report.samples()).hasSizeGreaterThanOrEqualTo(SECONDS / 10 - 1);
		SoakSample last = report.samples().stream().filter((s) -> "load".equals(s.phase())).reduce((a, b) -> b).orElseThrow();
		assertThat(last.processes()).containsKeys("api-service", "router-service#1", "smpp-connector-service#1",
				"dlr-service", "webhook-service", "kafka", "postgresql");
		assertThat(last.processes().values()).allSatisfy((p) -> assertThat(p.rssMb()).isPositive());
		assertThat(last.processes().get("api-service").heapUsedMb()).isPositive();
		assertThat(report.heapAfterFullGc().get("end")).hasSize(5).allSatisfy((service, mb) -> assertThat(mb).isPositive());
		assertThat(last.acceptedPerSecond()).isPositive();

		assertThat(report.verdict().passed())
			.as("flat: %s", report.verdict().checks().stream().filter((c) -> !c.passed())
				.map(Object::toString).collect(Collectors.joining("; ")))
			.isTrue();
	}

}
