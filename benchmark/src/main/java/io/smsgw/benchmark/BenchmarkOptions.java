package io.smsgw.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What one benchmark invocation does, from {@code --flags} (see {@link #usage()}).
 *
 * @param messages messages per measured run
 * @param modes the runs, in order: {@code single}, {@code batch} or both
 * @param rate messages per second offered, 0 for as fast as the API takes them
 * @param concurrency concurrent HTTP clients
 * @param batchSize messages per batch request
 * @param warmup messages of each measured mode sent (and awaited) before the first measured run, not counted
 * @param partitions partitions of every topic
 * @param routers router-service instances
 * @param connectors smpp-connector-service instances
 * @param binds SMPP binds per connector instance
 * @param window SMPP window per bind
 * @param receiptDelayMs pause between a submit_sm and its receipt at the simulator
 * @param serviceHeap -Xmx of each service JVM
 * @param kafkaHeap -Xmx of the Kafka broker
 * @param serviceJvm options of every service JVM beyond the heap; {@code null}: each its image's ({@link #IMAGE_JVM})
 * @param jfr record every service JVM with JFR (profile settings) into the work directory
 * @param pgStatements load PostgreSQL's {@code pg_stat_statements} and write each run's statements to the work directory
 * @param startTimeoutSeconds longest wait for the API, then for all other services, to be ready
 * @param timeoutSeconds longest wait for all messages to reach a final status, per run
 * @param output the JSON report file
 * @param workDirectory where logs, data and recordings go ({@code null}: a temporary directory)
 * @param root the project root, holding {@code <module>/target/<module>-*-exec.jar}
 * @param soak a soak ({@code --mode soak}): a fixed rate for a duration instead of counted runs
 * @param durationSeconds how long a soak offers its load
 * @param sampleSeconds a soak's sampling interval
 * @param batchPercent share of a soak's messages sent in batches of {@code batchSize} (the rest singly)
 * @param bind one SMPP connection ({@code --mode bind}): the connector fed straight from its dispatch
 * topic, against the simulator's own ceiling, instead of runs through the REST API
 */
public record BenchmarkOptions(int messages, List<Mode> modes, int rate, int concurrency, int batchSize, int warmup,
		int partitions, int routers, int connectors, int binds, int window, int receiptDelayMs, String serviceHeap,
		String kafkaHeap, List<String> serviceJvm, boolean jfr, boolean pgStatements, int startTimeoutSeconds, int timeoutSeconds, Path output, Path workDirectory, Path root,
		boolean soak, int durationSeconds, int sampleSeconds, int batchPercent, boolean bind) {

	/**
	 * The warm-up of {@code --mode bind} when none is given: on this 2-core machine the connector's
	 * JIT compilers still took 40 % of its CPU after 20,000 messages, 5–14 % after 300,000
	 * (docs/benchmark.md, "Session 7").
	 */
	public static final int BIND_WARMUP = 300_000;

	/**
	 * The JVM options each image runs its service with, by module ({@code default} for the others): the
	 * root pom's {@code image.java-tool-options} and {@code smpp-connector.java-tool-options}
	 * (docs/operations.md, "JVM options").
	 */
	public static final Map<String, List<String>> IMAGE_JVM = imageJvmOptions();

	/** A soak's rate when none is given: sustainable on a 2-core machine. */
	public static final int SOAK_DEFAULT_RATE = 100;

	/** How messages are sent to the API. */
	public enum Mode {

		/** {@code POST /v1/messages}, one message a request. */
		SINGLE,

		/** {@code POST /v1/messages/batch}. */
		BATCH

	}

	/** Defaults of the command line. */
	public static BenchmarkOptions defaults() {
		return new BenchmarkOptions(20_000, List.of(Mode.SINGLE, Mode.BATCH), 0, 20, 100, 2000, 3, 1, 1, 1, 50, 100,
				"512m", "1g", null, false, false, 600, 300, Path.of("benchmark-result.json"), null, Path.of("."), false, 1800, 10, 20, false);
	}

	/** Parses {@code --name value} flags over the defaults. */
	public static BenchmarkOptions parse(String[] args) {
		BenchmarkOptions o = defaults();
		boolean warmupGiven = false;
		for (int i = 0; i < args.length; i++) {
			String flag = args[i];
			if ("--jfr".equals(flag)) {
				o = o.with(b -> b.jfr = true);
				continue;
			}
			if ("--pg-statements".equals(flag)) {
				o = o.with(b -> b.pgStatements = true);
				continue;
			}
			if ("--help".equals(flag) || "-h".equals(flag)) {
				throw new IllegalArgumentException(usage());
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + flag + "\n" + usage());
			}
			String v = args[++i];
			warmupGiven |= "--warmup".equals(flag);
			o = switch (flag) {
				case "--messages" -> o.with(b -> b.messages = positive(flag, v));
				case "--mode" -> "soak".equalsIgnoreCase(v) ? o.with(b -> { b.soak = true; b.bind = false; })
						: "bind".equalsIgnoreCase(v) ? o.with(b -> { b.bind = true; b.soak = false; })
						: o.with(b -> { b.modes = modes(v); b.soak = false; b.bind = false; });
				case "--duration" -> o.with(b -> b.durationSeconds = seconds(flag, v));
				case "--sample" -> o.with(b -> b.sampleSeconds = seconds(flag, v));
				case "--batch-percent" -> o.with(b -> b.batchPercent = percent(flag, v));
				case "--rate" -> o.with(b -> b.rate = "max".equalsIgnoreCase(v) ? 0 : positive(flag, v));
				case "--concurrency" -> o.with(b -> b.concurrency = positive(flag, v));
				case "--batch-size" -> o.with(b -> b.batchSize = positive(flag, v));
				case "--warmup" -> o.with(b -> b.warmup = Integer.parseInt(v));
				case "--partitions" -> o.with(b -> b.partitions = positive(flag, v));
				case "--routers" -> o.with(b -> b.routers = positive(flag, v));
				case "--connectors" -> o.with(b -> b.connectors = positive(flag, v));
				case "--binds" -> o.with(b -> b.binds = positive(flag, v));
				case "--window" -> o.with(b -> b.window = positive(flag, v));
				case "--receipt-delay-ms" -> o.with(b -> b.receiptDelayMs = Integer.parseInt(v));
				case "--service-heap" -> o.with(b -> b.serviceHeap = v);
				case "--kafka-heap" -> o.with(b -> b.kafkaHeap = v);
				case "--service-jvm" -> o.with(b -> b.serviceJvm = options(v));
				case "--start-timeout" -> o.with(b -> b.startTimeoutSeconds = positive(flag, v));
				case "--timeout" -> o.with(b -> b.timeoutSeconds = positive(flag, v));
				case "--output" -> o.with(b -> b.output = Path.of(v));
				case "--work-dir" -> o.with(b -> b.workDirectory = Path.of(v));
				case "--root" -> o.with(b -> b.root = Path.of(v));
				default -> throw new IllegalArgumentException("Unknown flag " + flag + "\n" + usage());
			};
		}
		if (o.bind && !warmupGiven) {
			o = o.with(b -> b.warmup = BIND_WARMUP);
		}
		return o;
	}

	/** The offered rate of a soak: the given one, or {@link #SOAK_DEFAULT_RATE} for {@code max}. */
	public int soakRate() {
		return (this.rate > 0) ? this.rate : SOAK_DEFAULT_RATE;
	}

	static String usage() {
		return """
				java -jar benchmark/target/smsgw-benchmark.jar [flags]
				  --messages 20000        messages per measured run
				  --mode single|batch|both|soak|bind  runs to make (default both, single first); bind: one
				                          SMPP connection fed from Kafka against the simulator's ceiling
				  --rate max|N            offered messages/s (default max; soak: 100)
				  --duration 30m          soak: how long to offer the load (s, m or h)
				  --sample 10s            soak: sampling interval
				  --batch-percent 20      soak: share of messages sent in batches of --batch-size
				  --concurrency 20        concurrent HTTP clients
				  --batch-size 100        messages per batch request
				  --warmup 2000           messages of each measured mode sent and awaited before measuring
				                          (bind: 300000, the ceiling's warm-up too)
				  --partitions 3          partitions of every topic
				  --routers 1 --connectors 1   instances of router-service and smpp-connector-service
				  --binds 1 --window 50   SMPP binds per connector instance, window per bind
				  --receipt-delay-ms 100  simulator's pause before each receipt
				  --service-heap 512m --kafka-heap 1g
				  --service-jvm "-XX:TieredStopAtLevel=1"  options of every service JVM beyond the heap
				                          (default: each as its image runs it; "" for the JVM's own defaults)
				  --jfr                   record each service with JFR (work dir/<service>.jfr)
				  --pg-statements         PostgreSQL's costliest statements per run (work dir/pg-statements-<mode>.txt)
				  --start-timeout 600     seconds to wait for the services to be ready
				  --timeout 300           seconds to wait for every final status, per run
				  --output benchmark-result.json  --work-dir DIR  --root .""";
	}

	private static List<Mode> modes(String value) {
		if ("both".equalsIgnoreCase(value)) {
			return List.of(Mode.SINGLE, Mode.BATCH);
		}
		return List.of(Mode.valueOf(value.toUpperCase(Locale.ROOT)));
	}

	/** {@code 90}, {@code 90s}, {@code 3m}, {@code 1h} as seconds. */
	static int seconds(String flag, String value) {
		String v = value.trim().toLowerCase(Locale.ROOT);
		int unit = v.endsWith("h") ? 3600 : v.endsWith("m") ? 60 : 1;
		String number = (Character.isLetter(v.charAt(v.length() - 1))) ? v.substring(0, v.length() - 1) : v;
		return positive(flag, number) * unit;
	}

	private static int percent(String flag, String value) {
		int parsed = Integer.parseInt(value);
		if (parsed < 0 || parsed > 100) {
			throw new IllegalArgumentException(flag + " must be 0 to 100");
		}
		return parsed;
	}

	private static int positive(String flag, String value) {
		int parsed = Integer.parseInt(value);
		if (parsed < 1) {
			throw new IllegalArgumentException(flag + " must be at least 1");
		}
		return parsed;
	}

	/** The options of a module's service JVM beyond the heap: {@code --service-jvm}, or its image's. */
	public List<String> serviceJvm(String module) {
		Map<String, List<String>> byModule = serviceJvmByModule();
		return byModule.getOrDefault(module, byModule.get("default"));
	}

	/** The service JVMs' options by module, {@code default} for the others, as the reports record them. */
	public Map<String, List<String>> serviceJvmByModule() {
		return (this.serviceJvm != null) ? Map.of("default", this.serviceJvm) : IMAGE_JVM;
	}

	private static Map<String, List<String>> imageJvmOptions() {
		Properties properties = new Properties();
		try (InputStream in = BenchmarkOptions.class.getResourceAsStream("/service-jvm.properties")) {
			if (in == null) {
				throw new IllegalStateException("service-jvm.properties is missing from the benchmark's jar");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, List<String>> byModule = new TreeMap<>();
		properties.stringPropertyNames().forEach((module) -> byModule.put(module, options(properties.getProperty(module))));
		if (!byModule.containsKey("default")) {
			throw new IllegalStateException("service-jvm.properties names no default");
		}
		return Map.copyOf(byModule);
	}

	private static List<String> options(String value) {
		return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
	}

	/** A copy with changes. */
	public BenchmarkOptions with(java.util.function.Consumer<Builder> change) {
		Builder b = new Builder(this);
		change.accept(b);
		return b.build();
	}

	/** Mutable form for {@link #with}. */
	public static final class Builder {

		public int messages, rate, concurrency, batchSize, warmup, partitions, routers, connectors, binds, window,
				receiptDelayMs, startTimeoutSeconds, timeoutSeconds, durationSeconds, sampleSeconds, batchPercent;

		public List<Mode> modes;

		public String serviceHeap, kafkaHeap;

		public List<String> serviceJvm;

		public boolean jfr, pgStatements, soak, bind;

		public Path output, workDirectory, root;

		Builder(BenchmarkOptions o) {
			this.messages = o.messages; this.modes = o.modes; this.rate = o.rate; this.concurrency = o.concurrency;
			this.batchSize = o.batchSize; this.warmup = o.warmup; this.partitions = o.partitions; this.routers = o.routers;
			this.connectors = o.connectors; this.binds = o.binds; this.window = o.window;
			this.receiptDelayMs = o.receiptDelayMs; this.serviceHeap = o.serviceHeap; this.kafkaHeap = o.kafkaHeap;
			this.serviceJvm = o.serviceJvm; this.jfr = o.jfr; this.pgStatements = o.pgStatements; this.startTimeoutSeconds = o.startTimeoutSeconds; this.timeoutSeconds = o.timeoutSeconds; this.output = o.output;
			this.workDirectory = o.workDirectory; this.root = o.root; this.soak = o.soak;
			this.durationSeconds = o.durationSeconds; this.sampleSeconds = o.sampleSeconds; this.batchPercent = o.batchPercent;
			this.bind = o.bind;
		}

		BenchmarkOptions build() {
			return new BenchmarkOptions(this.messages, this.modes, this.rate, this.concurrency, this.batchSize,
					this.warmup, this.partitions, this.routers, this.connectors, this.binds, this.window,
					this.receiptDelayMs, this.serviceHeap, this.kafkaHeap, this.serviceJvm, this.jfr, this.pgStatements, this.startTimeoutSeconds, this.timeoutSeconds, this.output,
					this.workDirectory, this.root, this.soak, this.durationSeconds, this.sampleSeconds, this.batchPercent, this.bind);
		}

	}

}
