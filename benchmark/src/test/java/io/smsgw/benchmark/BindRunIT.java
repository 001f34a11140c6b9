package io.smsgw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of {@code --mode bind} CI runs: the simulator's ceiling, then the Kafka broker and
 * one smpp-connector-service JVM fed straight from its dispatch topic. Asserts what the connector
 * must do with every message (at the SMSC once, its MessageSent on Kafka, its receipt answered),
 * never the speed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BindRunIT {

	@Test
	void oneBindSubmitsEveryDispatchOnceAndPublishesItsOutcome() throws Exception {
		Path root = Path.of(System.getProperty("smsgw.root", "..")).toAbsolutePath().normalize();
		Path lib = Path.of(System.getProperty("smsgw.benchmark.lib", "target/lib"));
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--mode", "bind", "--messages", "3000",
				"--warmup", "1000", "--service-heap", "384m", "--kafka-heap", "512m", "--timeout", "180" })
			.with((b) -> {
				b.root = root;
				b.workDirectory = work();
			});

		BindRun.BindReport report = BindRun.run(options, lib);
		System.out.print(BindRun.table(report));

		assertThat(report.notAtSmsc()).as("dispatched but never at the SMSC").isZero();
		assertThat(report.submittedTwice()).as("submitted twice").isZero();
		assertThat(report.withoutOutcome()).as("without MessageSent on Kafka").isZero();
		assertThat(report.receiptsUnanswered()).as("receipts the connector did not answer").isZero();
		assertThat(report.ceilingPerSecond()).isPositive();
		assertThat(report.submitsPerSecond()).isPositive();
		assertThat(report.processes()).containsOnlyKeys("smpp-connector-service#1", "kafka", "driver+simulator");
		assertThat(report.processes().get("smpp-connector-service#1").cpuSeconds()).isPositive();
	}

	private static Path work() {
		try {
			return Files.createTempDirectory("smsgw-bind-it-");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
