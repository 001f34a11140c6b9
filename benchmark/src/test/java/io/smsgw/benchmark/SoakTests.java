package io.smsgw.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smsgw.benchmark.RunReport.Percentiles;
import io.smsgw.benchmark.SoakSample.ProcessSample;
import io.smsgw.benchmark.SoakVerdict.Check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The soak's timetable, its reading of Prometheus figures, its options and its flatness limits. */
class SoakTests {

	@Test
	void soakFlagsSetDurationRateAndMix() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--mode", "soak", "--duration", "30m",
				"--sample", "15s", "--batch-percent", "50" });
		assertThat(options.soak()).isTrue();
		assertThat(options.durationSeconds()).isEqualTo(1800);
		assertThat(options.sampleSeconds()).isEqualTo(15);
		assertThat(options.batchPercent()).isEqualTo(50);
		assertThat(options.soakRate()).isEqualTo(BenchmarkOptions.SOAK_DEFAULT_RATE);
		assertThat(BenchmarkOptions.parse(new String[] { "--mode", "soak", "--rate", "150" }).soakRate()).isEqualTo(150);
		assertThat(BenchmarkOptions.seconds("--duration", "1h")).isEqualTo(3600);
		assertThat(BenchmarkOptions.seconds("--duration", "90")).isEqualTo(90);
		assertThat(BenchmarkOptions.parse(new String[] { "--mode", "batch" }).soak()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--batch-percent", "101" }));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--duration", "0m" }));
	}

	@Test
	void theTimetableSendsEveryMessageOnceAtTheOfferedRateWithTheBatchShare() {
		SoakSchedule schedule = new SoakSchedule(1050, 100, 100, 20);
		int messages = 0;
		int inBatches = 0;
		int next = 0;
		long lastDue = -1;
		for (int i = 0; i < schedule.requests(); i++) {
			assertThat(schedule.firstMessage(i)).isEqualTo(next);
			next += schedule.messages(i);
			messages += schedule.messages(i);
			inBatches += schedule.isBatch(i) ? schedule.messages(i) : 0;
			assertThat(schedule.dueNanos(i)).isGreaterThan(lastDue);
			lastDue = schedule.dueNanos(i);
		}
		assertThat(messages).isEqualTo(1050);
		// two full blocks of 400 singles + 1 batch of 100, then 50 singles
		assertThat(inBatches).isEqualTo(200);
		assertThat(schedule.requests()).isEqualTo(2 * 401 + 50);
		// the last message is due at 1049 / 100 s
		assertThat(lastDue).isEqualTo(10_490_000_000L);

		SoakSchedule singles = new SoakSchedule(300, 150, 100, 0);
		assertThat(singles.requests()).isEqualTo(300);
		assertThat(singles.isBatch(299)).isFalse();
		assertThat(singles.dueNanos(150)).isEqualTo(1_000_000_000L);
		SoakSchedule batches = new SoakSchedule(250, 50, 100, 100);
		assertThat(batches.requests()).isEqualTo(3);
		assertThat(batches.messages(2)).isEqualTo(50);
		assertThat(batches.dueNanos(0)).isEqualTo(99L * 1_000_000_000L / 50);
	}

	@Test
	void prometheusFiguresAreSummedOverPoolsAndPartitions() {
		String text = """
				# HELP jvm_memory_used_bytes The amount of used memory
				jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
				jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
				jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
				jvm_gc_live_data_size_bytes 1.572864E7
				kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="sms.mt.accepted"} 3.0
				kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="1",topic="sms.mt.accepted"} 4.0
				kafka_consumer_fetch_manager_records_lag_max{client_id="c-1"} 4.0
				sms_webhook_pending 12.0
				sms_outbox_lag NaN
				""";
		PrometheusScrape scrape = PrometheusScrape.parse(text);
		assertThat(scrape.heapUsedMb()).isEqualTo(30.0);
		assertThat(scrape.liveDataMb()).isEqualTo(15.0);
		assertThat(scrape.kafkaLag()).isEqualTo(7.0);
		assertThat(scrape.pendingWebhooks()).isEqualTo(12.0);
		assertThat(scrape.outboxLag()).isEqualTo(-1.0);
		assertThat(PrometheusScrape.parse("garbage\n{}} x\n")).isEqualTo(PrometheusScrape.NONE);
	}

	@Test
	void memoryIsFlatUnlessItGrowsByMoreThanFifteenPercentAndThirtyTwoMegabytes() {
		assertThat(SoakVerdict.memory("rss", 600, 680).passed()).isTrue();
		assertThat(SoakVerdict.memory("rss", 600, 700).passed()).isFalse();
		assertThat(SoakVerdict.memory("heap", 60, 90).passed()).isTrue();
		assertThat(SoakVerdict.memory("heap", 60, 95).passed()).isFalse();
		assertThat(SoakVerdict.memory("heap", -1, 95).passed()).isTrue();
		assertThat(SoakVerdict.latency("p99", 40, 280).passed()).isTrue();
		assertThat(SoakVerdict.latency("p99", 40, 300).passed()).isFalse();
		assertThat(SoakVerdict.latency("p99", 1000, 1900).passed()).isTrue();
		assertThat(SoakVerdict.backlog("backlog", 200, 1000, 150).passed()).isTrue();
		assertThat(SoakVerdict.backlog("backlog", 200, 1100, 150).passed()).isFalse();
		assertThat(SoakVerdict.rateHeld(150, 143, 150).passed()).isTrue();
		assertThat(SoakVerdict.rateHeld(150, 140, 150).passed()).isFalse();
	}

	@Test
	void aGrowingSeriesInTheLastThirdFailsTheVerdictAndTheWarmUpIsIgnored() {
		List<SoakSample> samples = new ArrayList<>();
		for (int t = 10; t <= 90; t += 10) {
			// the warm-up third is high, the second flat, the last grows
			double rss = (t <= 30) ? 900 : (t <= 60) ? 500 : 500 + (t - 60) * 10;
			samples.add(sample(t, rss, 100));
		}
		SendLog sent = new SendLog(0, 1);
		SoakVerdict verdict = SoakVerdicts.judge(samples, Map.of(), sent, (from, to) -> new long[0], 100, 90, 0, true);
		Check rss = verdict.checks().stream().filter((c) -> c.what().startsWith("RSS api")).findFirst().orElseThrow();
		assertThat(rss.earlier()).isEqualTo(500.0);
		assertThat(rss.later()).isEqualTo(700.0);
		assertThat(rss.passed()).isFalse();
		assertThat(verdict.passed()).isFalse();
		assertThat(verdict.checks()).noneMatch((c) -> c.what().contains("driver"));
	}

	private static SoakSample sample(double at, double rss, double acceptedPerSecond) {
		Percentiles none = new Percentiles(0, 0, 0, 0, 0);
		return new SoakSample(at, "load", 0, 0, acceptedPerSecond, 0, none, none, acceptedPerSecond, 10, 0, 0, 0,
				Map.of("api-service", new ProcessSample(rss, 10, 100, 50), "driver+simulator",
						new ProcessSample(rss * 2, 10, -1, -1)));
	}

}
