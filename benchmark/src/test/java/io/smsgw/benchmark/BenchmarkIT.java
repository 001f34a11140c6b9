package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.smsgw.benchmark.BenchmarkOptions.Mode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short benchmark CI runs: the suite as production runs it (Kafka broker and PostgreSQL
 * processes, one JVM per service from its exec jar, the SMSC simulator with receipts), 500 single
 * sends and 1,000 batch sends; asserts the loss check only, never the speed.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BenchmarkIT {

	private static Suite suite;


	private static Run run;

	@BeforeAll
	static void startSuite() throws Exception {
		Path root = Path.of(System.getProperty("smsgw.root", "..")).toAbsolutePath().normalize();
		Path lib = Path.of(System.getProperty("smsgw.benchmark.lib", "target/lib"));
		Path work = Files.createTempDirectory("smsgw-benchmark-it-");
		BenchmarkOptions options = BenchmarkOptions.defaults()
			.with((b) -> {
				b.root = root;
				b.serviceHeap = "384m";
				b.kafkaHeap = "512m";
			});
		suite = Suite.start(options, lib, work);
		run = new Run(suite, new LoadDriver(suite.api().url(), suite.clientId(), suite.clientSecret(),
				suite.receiver().url()));
	}

	@AfterAll
	static void stopSuite() {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void singleAndBatchSendsLoseNothingAndDeliverEveryStatusOnce() throws Exception {
		RunReport single = run.execute(Mode.SINGLE, Benchmark.SEQ_BLOCK, 200, 0, 20, 1, 300);
		System.out.print(ReportWriter.table(single));
		assertNoLoss(single, 200);

		RunReport batch = run.execute(Mode.BATCH, 2 * Benchmark.SEQ_BLOCK, 400, 0, 4, 100, 300);
		System.out.print(ReportWriter.table(batch));
		assertNoLoss(batch, 400);
		assertThat(batch.httpLatency().count()).as("batch requests").isEqualTo(4);
	}

	private static void assertNoLoss(RunReport report, int messages) {
		assertThat(report.accepted()).as("accepted of %s", report.refusals()).isEqualTo(messages);
		assertThat(report.submitsAtSmsc()).as("submits at the SMSC").isGreaterThanOrEqualTo(messages);
		assertThat(report.loss().notAtSmsc()).as("accepted but never at the SMSC").isZero();
		assertThat(report.loss().withoutFinalStatus()).as("without a final status").isZero();
		assertThat(report.loss().duplicateCallbacks()).as("statuses delivered twice to the tenant").isZero();
		assertThat(report.loss().notDelivered()).as("final status other than delivered").isZero();
		// sent + delivered per message, each once
		assertThat(report.callbacks()).isEqualTo(2 * messages);
		assertThat(report.processes()).containsKeys("api-service", "kafka", "postgresql", "smpp-connector-service#1");
		assertThat(report.processes().get("kafka").peakRssMb()).isPositive();
	}

}
