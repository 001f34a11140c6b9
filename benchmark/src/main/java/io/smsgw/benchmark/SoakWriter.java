package io.smsgw.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.benchmark.SoakSample.ProcessSample;

/** Writes a soak as tables (the time series, memory per process, the verdict) and as JSON. */
final class SoakWriter {

	private SoakWriter() {
	}

	static String header() {
		return String.format("%8s %-5s %8s %7s %8s %8s %9s %9s %8s %8s %7s %8s%n", "t s", "phase", "offered", "acc/s",
				"http p50", "http p99", "smsc p50", "smsc p99", "notFinal", "webhooks", "outbox", "kafkaLag");
	}

	/** One line of the time series. */
	static String line(SoakSample s) {
		return String.format("%8.0f %-5s %8d %7.1f %8.1f %8.1f %9.1f %9.1f %8d %8.0f %7.0f %8.0f%n", s.atSeconds(),
				s.phase(), s.offered(), s.acceptedPerSecond(), s.http().p50(), s.http().p99(), s.acceptToSmsc().p50(),
				s.acceptToSmsc().p99(), s.notFinal(), s.pendingWebhooks(), s.outboxLag(), s.kafkaLag());
	}

	static String table(SoakReport report) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n== soak, %d msg/s for %d s (%d %% in batches of %d), a sample every %d s ==%n",
				report.rate(), report.durationSeconds(), report.batchPercent(), report.batchSize(), report.sampleSeconds()));
		out.append(header());
		report.samples().forEach((s) -> out.append(line(s)));
		if (!report.samples().isEmpty()) {
			memory(out, report);
		}
		out.append(String.format("%nlive heap after a full GC (MB): %s%n", report.heapAfterFullGc()));
		out.append(String.format("%n%-48s %10s %10s %10s  %s%n", "flatness: last third vs second", "second", "last",
				"limit", "ok"));
		for (SoakVerdict.Check c : report.verdict().checks()) {
			out.append(String.format("%-48s %10.1f %10.1f %10.1f  %s%n", c.what(), c.earlier(), c.later(), c.limit(),
					c.passed() ? "yes" : "NO"));
		}
		out.append(String.format("%-48s %s%n", "loss check", report.verdict().lossPassed() ? "passed" : "FAILED"));
		out.append(String.format("%-48s %s%n", "verdict", report.passed() ? "FLAT, nothing lost" : "FAILED"));
		out.append(ReportWriter.table(report.totals()));
		return out.toString();
	}

	/** RSS per process, then heap in use / live data per service, one row per sample. */
	private static void memory(StringBuilder out, SoakReport report) {
		Map<String, ProcessSample> first = report.samples().get(0).processes();
		out.append(String.format("%nmemory (MB): RSS per process (PostgreSQL: PSS of all its processes); heap used / live data per service%n"));
		out.append(String.format("%8s", "t s"));
		first.keySet().forEach((name) -> out.append(String.format(" %10s", shortName(name))));
		first.forEach((name, p) -> {
			if (p.heapUsedMb() >= 0) {
				out.append(String.format(" %13s", shortName(name) + " heap"));
			}
		});
		out.append(System.lineSeparator());
		for (SoakSample s : report.samples()) {
			out.append(String.format("%8.0f", s.atSeconds()));
			first.keySet().forEach((name) -> out.append(String.format(" %10.0f", rss(s, name))));
			first.forEach((name, p) -> {
				if (p.heapUsedMb() >= 0) {
					ProcessSample now = s.processes().get(name);
					out.append(String.format(" %13s", (now == null) ? "-"
							: String.format("%.0f/%.0f", now.heapUsedMb(), now.liveDataMb())));
				}
			});
			out.append(System.lineSeparator());
		}
	}

	private static double rss(SoakSample s, String name) {
		ProcessSample p = s.processes().get(name);
		return (p == null) ? -1 : p.rssMb();
	}

	private static String shortName(String name) {
		return name.replace("-service", "").replace("smpp-connector", "smpp").replace("postgresql", "pg")
			.replace("driver+simulator", "driver");
	}

	static void writeJson(Path file, BenchmarkOptions options, SoakReport report) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("date", Instant.now().toString());
		document.put("machine", ReportWriter.machine());
		Map<String, Object> opts = new LinkedHashMap<>();
		opts.put("mode", "soak");
		opts.put("rate", report.rate());
		opts.put("durationSeconds", report.durationSeconds());
		opts.put("sampleSeconds", report.sampleSeconds());
		opts.put("batchPercent", report.batchPercent());
		opts.put("batchSize", report.batchSize());
		opts.put("concurrency", options.concurrency());
		opts.put("partitions", options.partitions());
		opts.put("window", options.window());
		opts.put("receiptDelayMs", options.receiptDelayMs());
		opts.put("serviceHeap", options.serviceHeap());
		opts.put("serviceJvm", options.serviceJvmByModule());
		opts.put("kafkaHeap", options.kafkaHeap());
		document.put("options", opts);
		document.put("soak", report);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, json.writeValueAsString(document));
	}

}
