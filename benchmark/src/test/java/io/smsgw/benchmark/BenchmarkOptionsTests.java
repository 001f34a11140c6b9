package io.smsgw.benchmark;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smsgw.benchmark.BenchmarkOptions.Mode;
import io.smsgw.benchmark.RunReport.Percentiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void flagsOverrideTheDefaults() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--messages", "20000", "--mode", "batch",
				"--rate", "2500", "--routers", "2", "--connectors", "2", "--partitions", "6", "--jfr", "--output",
				"out.json" });
		assertThat(options.messages()).isEqualTo(20000);
		assertThat(options.modes()).containsExactly(Mode.BATCH);
		assertThat(options.rate()).isEqualTo(2500);
		assertThat(options.routers()).isEqualTo(2);
		assertThat(options.connectors()).isEqualTo(2);
		assertThat(options.partitions()).isEqualTo(6);
		assertThat(options.jfr()).isTrue();
		assertThat(options.output()).isEqualTo(Path.of("out.json"));
		assertThat(options.concurrency()).isEqualTo(20);
	}

	@Test
	void maxRateIsZeroAndBothModesRunSingleFirst() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--rate", "max", "--mode", "both" });
		assertThat(options.rate()).isZero();
		assertThat(options.modes()).isEqualTo(List.of(Mode.SINGLE, Mode.BATCH));
	}

	@Test
	void unknownFlagsAndBadNumbersAreRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--speed", "1" }))
			.withMessageContaining("--messages 20000");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--routers", "0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--messages" }));
	}

	@Test
	void percentilesAreNearestRankInMilliseconds() {
		long[] micros = new long[100];
		for (int i = 0; i < 100; i++) {
			micros[i] = (100 - i) * 1000L;
		}
		Percentiles p = Percentiles.ofMicros(micros);
		assertThat(p.count()).isEqualTo(100);
		assertThat(p.p50()).isEqualTo(50.0);
		assertThat(p.p95()).isEqualTo(95.0);
		assertThat(p.p99()).isEqualTo(99.0);
		assertThat(p.max()).isEqualTo(100.0);
		assertThat(Percentiles.ofMicros(new long[0]).count()).isZero();
	}

	@Test
	void destinationsAreValidGermanMobileNumbersUniquePerSequence() {
		assertThat(LoadDriver.destination(10_000_042)).isEqualTo("4915110000042");
		assertThat(LoadDriver.destination(7)).isEqualTo("4915100000007");
	}

	@Test
	void cpuAndPeakMemoryOfThisProcessAreRead() {
		ProcessStats stats = ProcessStats.of(ProcessHandle.current().pid());
		assertThat(stats.cpuMillis()).isPositive();
		assertThat(stats.peakRssKb()).isPositive();
		// HotSpot compiled at least the test framework's hot methods by now
		assertThat(stats.jitMillis()).isPositive().isLessThanOrEqualTo(stats.cpuMillis());
	}

	@Test
	void bindModeWarmsUpLongUnlessTold() {
		BenchmarkOptions bind = BenchmarkOptions.parse(new String[] { "--mode", "bind" });
		assertThat(bind.bind()).isTrue();
		assertThat(bind.soak()).isFalse();
		assertThat(bind.warmup()).isEqualTo(BenchmarkOptions.BIND_WARMUP);
		assertThat(BenchmarkOptions.parse(new String[] { "--warmup", "500", "--mode", "bind" }).warmup()).isEqualTo(500);
		assertThat(BenchmarkOptions.parse(new String[] { "--mode", "bind", "--mode", "single" }).bind()).isFalse();
		assertThat(BenchmarkOptions.parse(new String[] { "--mode", "single" }).warmup()).isEqualTo(2000);
	}

	@Test
	void servicesRunAsTheirImagesUnlessToldOtherwise() {
		BenchmarkOptions defaults = BenchmarkOptions.parse(new String[0]);
		assertThat(defaults.serviceJvm("api-service")).containsExactly("-XX:TieredStopAtLevel=1");
		assertThat(defaults.serviceJvm("smpp-connector-service")).containsExactly("-XX:TieredStopAtLevel=4");
		assertThat(defaults.serviceJvmByModule()).containsEntry("default", List.of("-XX:TieredStopAtLevel=1"))
			.containsEntry("smpp-connector-service", List.of("-XX:TieredStopAtLevel=4"));
		BenchmarkOptions jvmDefaults = BenchmarkOptions.parse(new String[] { "--service-jvm", "" });
		assertThat(jvmDefaults.serviceJvm("api-service")).isEmpty();
		assertThat(jvmDefaults.serviceJvm("smpp-connector-service")).isEmpty();
		assertThat(BenchmarkOptions.parse(new String[] { "--service-jvm", " -XX:+UseSerialGC  -Xss512k " })
			.serviceJvm("dlr-service")).containsExactly("-XX:+UseSerialGC", "-Xss512k");
	}

}
