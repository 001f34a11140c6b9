package io.smsgw.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.simulator.smsc.SmscSimulator;
import io.smsgw.simulator.smsc.SmscSimulatorConfig;

/**
 * The suite as production runs it, on this machine: PostgreSQL and a Kafka broker as their own
 * processes, each service in its own JVM from its exec jar, the SMSC simulator (receipts on) and
 * the tenant's webhook receiver in this JVM. {@link #close()} stops everything it started, also
 * after a failed start.
 */
public final class Suite implements AutoCloseable {

	static final String TENANT = "bench";

	static final String CLIENT_ID = "bench-client";

	static final String CONNECTOR = "smsc-bench";

	private static final Logger log = LoggerFactory.getLogger(Suite.class);

	private final BenchmarkOptions options;

	private final String clientSecret = UUID.randomUUID().toString();

	private final List<ServiceProcess> services = new ArrayList<>();

	private final Thread stopHook = new Thread(this::close, "suite-stop");

	private Database database;

	private KafkaBroker kafka;

	private SmscSimulator simulator;

	private WebhookReceiver receiver;

	private final boolean withLink;

	private final Map<String, Object> extraProperties;

	private SmscLink link;

	private final ModemRig.Plan modemPlan;

	private ModemRig modems;

	/** Only the broker, the simulator and one smpp-connector-service instance ({@link #startConnectorOnly}). */
	private boolean connectorOnly;

	private Suite(BenchmarkOptions options, boolean withLink, Map<String, Object> extraProperties,
			ModemRig.Plan modemPlan) {
		this.options = options;
		this.withLink = withLink;
		this.extraProperties = Map.copyOf(extraProperties);
		this.modemPlan = modemPlan;
	}

	/**
	 * Starts everything.
	 * @param lib the directory with Kafka's jars
	 * @param work where data and logs go
	 */
	public static Suite start(BenchmarkOptions options, Path lib, Path work) throws Exception {
		return start(options, lib, work, false, Map.of());
	}

	/**
	 * Starts everything, for fault runs.
	 * @param withLink whether the connectors reach the simulator through an {@link SmscLink} a run can break
	 * @param extraProperties Spring properties given to every service on top of the benchmark's
	 */
	public static Suite start(BenchmarkOptions options, Path lib, Path work, boolean withLink,
			Map<String, Object> extraProperties) throws Exception {
		return start(options, lib, work, withLink, extraProperties, null);
	}

	/**
	 * Starts everything, for fault runs, with a rack of simulated modems when {@code modemPlan} is
	 * given: modem-connector-service as one more JVM, and the plan's prefix routed to the rack.
	 */
	public static Suite start(BenchmarkOptions options, Path lib, Path work, boolean withLink,
			Map<String, Object> extraProperties, ModemRig.Plan modemPlan) throws Exception {
		return new Suite(options, withLink, extraProperties, modemPlan).started(lib, work);
	}

	/**
	 * Starts the Kafka broker, the simulator and one smpp-connector-service instance, nothing else:
	 * for measuring one SMPP connection fed straight from its dispatch topic ({@link BindRun}).
	 */
	public static Suite startConnectorOnly(BenchmarkOptions options, Path lib, Path work) throws Exception {
		Suite suite = new Suite(options, false, Map.of(), null);
		suite.connectorOnly = true;
		return suite.started(lib, work);
	}

	private Suite started(Path lib, Path work) throws Exception {
		// every process it started is stopped on Ctrl-C or when the JVM ends, also during the start
		Runtime.getRuntime().addShutdownHook(this.stopHook);
		try {
			startAll(lib, work);
			return this;
		}
		catch (Exception | Error ex) {
			close();
			throw ex;
		}
	}

	private void startAll(Path lib, Path work) throws Exception {
		long started = System.nanoTime();
		this.database = this.connectorOnly ? null : Database.start(work, this.options.pgStatements());
		this.kafka = KafkaBroker.start(lib, work.resolve("kafka"), this.options.partitions(), this.options.kafkaHeap());
		this.simulator = SmscSimulator.start(SmscSimulatorConfig.defaults()
			.withCredentials("bench", "bench-secret")
			.withReceipts(Duration.ofMillis(this.options.receiptDelayMs()), "DELIVRD", true));
		if (this.connectorOnly) {
			ServiceProcess connector = launch("smpp-connector-service", "smpp-connector-service#1", work.resolve("logs"));
			connector.awaitReady(HttpClient.newHttpClient(), Duration.ofSeconds(this.options.startTimeoutSeconds()));
			awaitBinds(this.options.binds());
			log.info("Broker, simulator and one connector up in {} s, work directory {}",
					(System.nanoTime() - started) / 1_000_000_000, work);
			return;
		}
		this.link = this.withLink ? SmscLink.start(this.simulator.port()) : null;
		this.receiver = new WebhookReceiver();
		this.modems = (this.modemPlan != null) ? ModemRig.start(this.modemPlan) : null;
		Path logs = work.resolve("logs");
		HttpClient http = HttpClient.newHttpClient();
		// the API first: it issues the tokens the router checks, and every service creates the topics
		ServiceProcess api = launch("api-service", "api-service", logs);
		Duration startTimeout = Duration.ofSeconds(this.options.startTimeoutSeconds());
		api.awaitReady(http, startTimeout);
		List<ServiceProcess> rest = new ArrayList<>();
		rest.add(launch("dlr-service", "dlr-service", logs));
		rest.add(launch("webhook-service", "webhook-service", logs));
		for (int i = 1; i <= this.options.routers(); i++) {
			rest.add(launch("router-service", "router-service#" + i, logs));
		}
		for (int i = 1; i <= this.options.connectors(); i++) {
			rest.add(launch("smpp-connector-service", "smpp-connector-service#" + i, logs));
		}
		if (this.modems != null) {
			rest.add(launch("modem-connector-service", ModemRig.CONNECTOR_LABEL, logs));
		}
		long startDeadline = System.nanoTime() + startTimeout.toNanos();
		for (ServiceProcess service : rest) {
			service.awaitReady(http, Duration.ofNanos(Math.max(1, startDeadline - System.nanoTime())));
		}
		awaitBinds(this.options.connectors() * this.options.binds());
		if (this.modems != null) {
			this.modems.route(api.url(), serviceLabels().stream().filter((l) -> l.startsWith("router-service"))
				.map((l) -> service(l).url()).toList(), TENANT, startTimeout);
			this.modems.awaitAllUp(service(ModemRig.CONNECTOR_LABEL).url(), startTimeout);
		}
		log.info("Suite up in {} s: {} processes, work directory {}", (System.nanoTime() - started) / 1_000_000_000,
				this.services.size() + 2, work);
	}

	private void awaitBinds(int binds) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (this.simulator.boundSessions() < binds) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Only " + this.simulator.boundSessions() + " of " + binds + " binds up");
			}
			Thread.sleep(100);
		}
	}

	/** The Kafka broker's bootstrap servers. */
	public String bootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	private ServiceProcess launch(String module, String label, Path logs) {
		// the whole heap is in RSS from the start: RSS growth in a soak is then native memory, not first use
		List<String> jvm = new ArrayList<>(List.of("-Xms" + this.options.serviceHeap(), "-Xmx" + this.options.serviceHeap(),
				"-XX:+AlwaysPreTouch"));
		jvm.addAll(this.options.serviceJvm(module));
		if (this.options.jfr()) {
			jvm.add("-XX:StartFlightRecording=filename=" + logs.getParent().resolve(label.replace('#', '-') + ".jfr")
					+ ",settings=profile,dumponexit=true");
		}
		int smscPort = (this.link != null) ? this.link.port() : this.simulator.port();
		Map<String, Object> properties = new LinkedHashMap<>(new ServiceSettings(this.options,
				this.kafka.bootstrapServers(), this.database, smscPort, this.clientSecret)
			.properties(module, label, this.services.isEmpty() ? null : api().url()));
		if (this.modems != null && module.equals("api-service")) {
			properties.putAll(this.modems.apiProperties());
		}
		if (this.modems != null && module.equals("modem-connector-service")) {
			properties.putAll(this.modems.connectorProperties());
		}
		properties.putAll(this.extraProperties);
		ServiceProcess service = ServiceProcess.start(this.options.root(), module, label, jvm, properties, logs);
		this.services.add(service);
		return service;
	}

	public ServiceProcess api() {
		return this.services.get(0);
	}

	public String clientId() {
		return CLIENT_ID;
	}

	public String clientSecret() {
		return this.clientSecret;
	}

	public SmscSimulator simulator() {
		return this.simulator;
	}

	public WebhookReceiver receiver() {
		return this.receiver;
	}

	public BenchmarkOptions options() {
		return this.options;
	}

	/** The relay between the connectors and the simulator, or {@code null} when started without one. */
	public SmscLink link() {
		return this.link;
	}

	/** The simulated modem rack, or {@code null} when started without one. */
	public ModemRig modems() {
		return this.modems;
	}

	public Database database() {
		return this.database;
	}

	/** Labels of the running service instances, the API first. */
	public synchronized List<String> serviceLabels() {
		return this.services.stream().map(ServiceProcess::label).toList();
	}

	/** A service instance by its label, e.g. {@code router-service#1}. */
	public synchronized ServiceProcess service(String label) {
		return this.services.stream()
			.filter((s) -> s.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + label + " in " + serviceLabels()));
	}

	/** kill -9 of a service instance; returns when its JVM is gone. */
	public void kill(String label) throws InterruptedException {
		service(label).kill();
	}

	/** Starts a killed service instance again (same command line, port and log file); does not wait for it. */
	public synchronized ServiceProcess restart(String label) {
		ServiceProcess old = service(label);
		if (old.process().isAlive()) {
			throw new IllegalStateException(label + " is still running");
		}
		ServiceProcess again = old.restarted();
		this.services.set(this.services.indexOf(old), again);
		return again;
	}

	/** kill -9 of the Kafka broker; returns when it is gone. */
	public void killKafka() throws InterruptedException {
		this.kafka.kill();
	}

	/** Starts the killed broker again on the same ports and log directory; returns when it answers. */
	public synchronized void restartKafka() throws InterruptedException {
		this.kafka = this.kafka.restarted(Duration.ofSeconds(120));
	}

	/** CPU and peak memory of every process of the suite, the driver's JVM (simulator, receiver, load) included. */
	public Map<String, ProcessStats> stats() {
		Map<String, ProcessStats> stats = new LinkedHashMap<>();
		for (ServiceProcess service : this.services) {
			stats.put(service.label(), service.process().stats());
		}
		if (this.kafka != null) {
			stats.put("kafka", this.kafka.process().stats());
		}
		if (this.database != null) {
			stats.put("postgresql", this.database.stats());
		}
		stats.put("driver+simulator", ProcessStats.of(ProcessHandle.current().pid()));
		return stats;
	}

	/** Stops the API first (nothing new accepted), then the other services, the simulator and the infrastructure. */
	@Override
	public synchronized void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopHook);
		}
		catch (IllegalStateException ex) {
			// shutting down: this is the hook
		}
		if (!this.services.isEmpty()) {
			this.services.get(0).close();
			this.services.parallelStream().forEach(ServiceProcess::close);
			this.services.clear();
		}
		if (this.simulator != null) {
			this.simulator.close();
			this.simulator = null;
		}
		if (this.link != null) {
			this.link.close();
			this.link = null;
		}
		if (this.modems != null) {
			this.modems.close();
			this.modems = null;
		}
		if (this.receiver != null) {
			this.receiver.close();
			this.receiver = null;
		}
		if (this.kafka != null) {
			this.kafka.close();
			this.kafka = null;
		}
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

}
