package io.smsgw.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.smsgw.benchmark.RunReport.Percentiles;
import io.smsgw.benchmark.RunReport.ProcessUse;

/** Writes the runs as a table (for people) and as JSON (for tools and comparisons). */
final class ReportWriter {

	private ReportWriter() {
	}

	static String table(RunReport run) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%n== %s, %d messages, rate %s ==%n", run.mode(), run.messages(),
				(run.rate() == 0) ? "max" : run.rate() + "/s"));
		row(out, "accepted", run.accepted() + " (refused: " + run.refusals() + ")");
		row(out, "accepted msg/s", fmt(run.acceptedPerSecond()) + " (all answered in " + fmt(run.sendMillis()) + " ms)");
		row(out, "submit_sm/s at the SMSC", fmt(run.submitsPerSecond()) + " (" + run.submitsAtSmsc() + " submits)");
		row(out, "last message at the SMSC", fmt(run.lastAtSmscMillis()) + " ms after the first request");
		row(out, "REST -> SMSC msg/s", fmt(run.endToEndPerSecond()));
		row(out, "receipts/s", fmt(run.receiptsPerSecond()));
		row(out, "webhook callbacks/s", fmt(run.callbacksPerSecond()) + " (" + run.callbacks() + " callbacks)");
		row(out, "last final callback", fmt(run.lastFinalAfterLastSubmitMillis()) + " ms after the last submit");
		out.append(String.format("%-28s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p95", "p99", "max"));
		latency(out, "HTTP request", run.httpLatency());
		latency(out, "accept -> submit_sm", run.acceptToSmsc());
		latency(out, "receipt -> webhook", run.receiptToWebhook());
		RunReport.Loss loss = run.loss();
		row(out, "loss check", (loss.passed() ? "PASSED" : "FAILED") + ": " + loss.notAtSmsc() + " not at the SMSC, "
				+ loss.withoutFinalStatus() + " without final status, " + loss.duplicateCallbacks()
				+ " duplicate callbacks, " + loss.submittedTwice() + " submitted twice, " + loss.notDelivered()
				+ " not delivered");
		processes(out, run.processes());
		return out.toString();
	}

	/** CPU (and of it the JIT compilers') and peak memory of each process, with a line of totals. */
	static void processes(StringBuilder out, Map<String, ProcessUse> processes) {
		out.append(String.format("%-28s %10s %8s %8s %12s%n", "process", "CPU s", "of it JIT", "CPU %", "peak RSS MB"));
		processes.forEach((name, use) -> out.append(String.format("%-28s %10.1f %8.1f %8.1f %12.0f%n", name,
				use.cpuSeconds(), use.jitSeconds(), use.cpuPercent(), use.peakRssMb())));
		double cpu = 0;
		double jit = 0;
		for (ProcessUse use : processes.values()) {
			cpu += use.cpuSeconds();
			jit += use.jitSeconds();
		}
		out.append(String.format("%-28s %10.1f %8.1f%n", "all", cpu, jit));
	}

	private static void row(StringBuilder out, String name, String value) {
		out.append(String.format("%-28s %s%n", name, value));
	}

	private static void latency(StringBuilder out, String name, Percentiles p) {
		out.append(String.format("%-28s %8d %8.1f %8.1f %8.1f %8.1f%n", name, p.count(), p.p50(), p.p95(), p.p99(),
				p.max()));
	}

	private static String fmt(double value) {
		return String.format("%,.0f", value);
	}

	/** The whole result: when, where, with which options, and each run. */
	static void writeJson(Path file, BenchmarkOptions options, List<RunReport> runs) throws IOException {
		writeJson(file, options, "runs", runs);
	}

	/** The JSON document: when, where, with which options, and the result under {@code key}. */
	static void writeJson(Path file, BenchmarkOptions options, String key, Object result) throws IOException {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("date", Instant.now().toString());
		document.put("machine", machine());
		Map<String, Object> opts = new LinkedHashMap<>();
		opts.put("messages", options.messages());
		opts.put("rate", options.rate());
		opts.put("concurrency", options.concurrency());
		opts.put("batchSize", options.batchSize());
		opts.put("warmup", options.warmup());
		opts.put("partitions", options.partitions());
		opts.put("routers", options.routers());
		opts.put("connectors", options.connectors());
		opts.put("binds", options.binds());
		opts.put("window", options.window());
		opts.put("receiptDelayMs", options.receiptDelayMs());
		opts.put("serviceHeap", options.serviceHeap());
		opts.put("serviceJvm", options.serviceJvmByModule());
		document.put("options", opts);
		document.put(key, result);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, json.writeValueAsString(document));
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		try {
			machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?"));
			machine.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).strip());
		}
		catch (IOException ex) {
			// not Linux
		}
		return machine;
	}

}
