package io.smsgw.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the processes of a running suite from the outside (the children of this JVM: service JVMs
 * by their exec jar and {@code --server.port}, the Kafka broker by its main class; PostgreSQL by
 * its {@code postmaster.pid} in the work directory) and reads, per process, resident memory now,
 * CPU used, and for the services the figures of their {@code /actuator/prometheus}.
 */
final class SuiteProbe {

	private static final List<String> MODULES = List.of("api-service", "dlr-service", "webhook-service",
			"router-service", "smpp-connector-service");

	/** A process of the suite; {@code port} is the service's HTTP port, 0 for the others. */
	record Target(String label, long pid, int port) {
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path work;

	private final List<Target> targets;

	private final Map<String, Long> lastCpuMillis = new HashMap<>();

	private long lastNanos;

	private SuiteProbe(Path work, List<Target> targets) {
		this.work = work;
		this.targets = targets;
	}

	/** The suite's processes now; {@code work} is the suite's work directory. */
	static SuiteProbe discover(Path work) {
		List<Target> services = new ArrayList<>();
		List<Target> others = new ArrayList<>();
		List<ProcessHandle> children = ProcessHandle.current().children()
			.sorted(Comparator.comparing((ProcessHandle h) -> h.info().startInstant().orElse(Instant.EPOCH))
				.thenComparingLong(ProcessHandle::pid))
			.toList();
		Map<String, Integer> instances = new HashMap<>();
		for (ProcessHandle child : children) {
			List<String> args = commandLine(child.pid());
			String module = moduleOf(args);
			if (module != null) {
				int n = instances.merge(module, 1, Integer::sum);
				String label = (module.startsWith("router") || module.startsWith("smpp")) ? module + "#" + n : module;
				services.add(new Target(label, child.pid(), portOf(args)));
			}
			else if (args.contains("kafka.Kafka")) {
				others.add(new Target("kafka", child.pid(), 0));
			}
		}
		services.sort(Comparator.comparingInt((Target t) -> MODULES.indexOf(t.label().replaceAll("#.*", ""))));
		List<Target> all = new ArrayList<>(services);
		all.addAll(others);
		all.add(new Target("postgresql", -1, 0));
		all.add(new Target("driver+simulator", ProcessHandle.current().pid(), 0));
		return new SuiteProbe(work, all);
	}

	List<Target> targets() {
		return this.targets;
	}

	/** Per process: resident memory now, CPU since the last call, and the service's Prometheus figures. */
	Map<String, Reading> read() {
		long now = System.nanoTime();
		double elapsedMillis = (this.lastNanos == 0) ? 0 : (now - this.lastNanos) / 1e6;
		this.lastNanos = now;
		Map<String, Reading> readings = new LinkedHashMap<>();
		for (Target target : this.targets) {
			long pid = pidOf(target);
			boolean tree = target.label().equals("postgresql");
			long cpu = (pid <= 0) ? 0 : tree ? ProcessStats.ofTree(pid).cpuMillis() : ProcessStats.cpuMillis(pid, false);
			Long before = this.lastCpuMillis.put(target.label(), cpu);
			double cpuPercent = (before == null || elapsedMillis <= 0) ? -1
					: Math.round(Math.max(0, cpu - before) * 1000.0 / elapsedMillis) / 10.0;
			double rssMb = (pid <= 0) ? -1 : Math.round((tree ? treePssKb(pid) : rssKb(pid)) / 102.4) / 10.0;
			PrometheusScrape scrape = (target.port() > 0) ? PrometheusScrape.of(this.http, target.port())
					: PrometheusScrape.NONE;
			readings.put(target.label(), new Reading(rssMb, cpuPercent, scrape));
		}
		return readings;
	}

	/**
	 * Runs a full collection in every service JVM ({@code jcmd <pid> GC.run}, i.e. {@code System.gc()}),
	 * then reads the heap in use: the live heap, per service, in MB (-1 when unknown).
	 */
	Map<String, Double> heapAfterFullGc() {
		// one jcmd per service at once: each is a JVM start, slow on a busy machine
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
		try {
			Map<String, java.util.concurrent.CompletableFuture<Double>> pending = new LinkedHashMap<>();
			for (Target target : this.targets) {
				if (target.port() > 0) {
					pending.put(target.label(),
							java.util.concurrent.CompletableFuture.supplyAsync(() -> fullGcHeap(target), threads));
				}
			}
			Map<String, Double> heap = new LinkedHashMap<>();
			pending.forEach((label, future) -> heap.put(label, Math.round(future.join() * 10) / 10.0));
			return heap;
		}
		finally {
			threads.shutdown();
		}
	}

	private double fullGcHeap(Target target) {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			Process process = new ProcessBuilder(jcmd, Long.toString(target.pid()), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			// no jcmd: the reading below is then just the heap in use
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return PrometheusScrape.of(this.http, target.port()).heapUsedMb();
	}

	private long pidOf(Target target) {
		if (!target.label().equals("postgresql")) {
			return ProcessHandle.of(target.pid()).map((h) -> h.isAlive() ? target.pid() : -1L).orElse(-1L);
		}
		try {
			return Long.parseLong(Files.readAllLines(this.work.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static List<String> commandLine(long pid) {
		try {
			String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
			return List.of(raw.split("\0"));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	private static String moduleOf(List<String> args) {
		for (String arg : args) {
			if (arg.endsWith("-exec.jar")) {
				String file = Path.of(arg).getFileName().toString();
				return MODULES.stream().filter((m) -> file.startsWith(m + "-")).findFirst().orElse(null);
			}
		}
		return null;
	}

	private static int portOf(List<String> args) {
		return args.stream().filter((a) -> a.startsWith("--server.port=")).findFirst()
			.map((a) -> Integer.parseInt(a.substring("--server.port=".length()))).orElse(0);
	}

	/** VmRSS of a process, KiB. */
	static long rssKb(long pid) {
		return statusField(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
	}

	/** Proportional set size of a process and its descendants, KiB: shared memory counted once. */
	static long treePssKb(long pid) {
		long sum = statusField(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
		for (long child : ProcessHandle.of(pid).map((h) -> h.descendants().map(ProcessHandle::pid).toList()).orElse(List.of())) {
			sum += statusField(Path.of("/proc", Long.toString(child), "smaps_rollup"), "Pss:");
		}
		return sum;
	}

	private static long statusField(Path file, String field) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.filter((line) -> line.startsWith(field))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** One process at one sample: resident MB (PSS for PostgreSQL), CPU % of one core, its Prometheus figures. */
	record Reading(double rssMb, double cpuPercent, PrometheusScrape scrape) {
	}

}
