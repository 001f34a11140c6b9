package io.smsgw.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) run from the Maven jars in
 * the benchmark's {@code lib/} directory, as its own JVM, on 127.0.0.1 with free ports and a
 * fresh log directory.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final ManagedProcess process;

	private final int port;

	private KafkaBroker(ManagedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Formats a log directory under {@code directory} and starts the broker.
	 * @param lib the directory holding kafka_2.13 and its dependencies
	 * @param partitions partitions of auto-created topics
	 * @param heap the broker's -Xmx (and -Xms)
	 */
	public static KafkaBroker start(Path lib, Path directory, int partitions, String heap) throws InterruptedException {
		int port = Ports.free();
		int controllerPort = Ports.free();
		Path properties = directory.resolve("server.properties");
		Path logConfig = directory.resolve("log4j2.properties");
		try {
			Files.createDirectories(directory);
			Files.writeString(properties, serverProperties(directory.resolve("data"), port, controllerPort, partitions));
			Files.writeString(logConfig, """
					status = warn
					appender.out.type = Console
					appender.out.name = out
					appender.out.layout.type = PatternLayout
					appender.out.layout.pattern = [%d] %p %m (%c)%n
					rootLogger.level = WARN
					rootLogger.appenderRef.out.ref = out
					logger.kafka.name = kafka.server.KafkaRaftServer
					logger.kafka.level = INFO
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String classpath = lib.toAbsolutePath() + "/*";
		List<String> jvm = List.of(Ports.java(), "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-XX:+UseG1GC",
				"-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath(), "-cp", classpath);
		Path logFile = directory.resolve("kafka.log");
		String clusterId = Uuid.randomUuid().toString();
		ManagedProcess format = ManagedProcess.start("kafka-storage-format", concat(jvm, "kafka.tools.StorageTool",
				"format", "-t", clusterId, "-c", properties.toString()), logFile);
		if (format.waitFor(120) != 0) {
			throw new IllegalStateException("Formatting Kafka's log directory failed:\n" + format.tail(30));
		}
		ManagedProcess broker = ManagedProcess.start("kafka", concat(jvm, "kafka.Kafka", properties.toString()),
				logFile);
		KafkaBroker started = new KafkaBroker(broker, port);
		try {
			started.awaitReady(Duration.ofSeconds(120));
		}
		catch (RuntimeException | InterruptedException ex) {
			started.close();
			throw ex;
		}
		log.info("Kafka broker (pid {}) up on 127.0.0.1:{}", broker.pid(), port);
		return started;
	}

	private static String serverProperties(Path data, int port, int controllerPort, int partitions) {
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		p.put("process.roles", "broker,controller");
		p.put("node.id", 1);
		p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		p.put("controller.listener.names", "CONTROLLER");
		p.put("inter.broker.listener.name", "PLAINTEXT");
		p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		p.put("log.dirs", data.toAbsolutePath());
		p.put("num.partitions", partitions);
		p.put("auto.create.topics.enable", true);
		p.put("offsets.topic.replication.factor", 1);
		p.put("offsets.topic.num.partitions", 10);
		p.put("transaction.state.log.replication.factor", 1);
		p.put("transaction.state.log.min.isr", 1);
		p.put("transaction.state.log.num.partitions", 10);
		p.put("share.coordinator.state.topic.replication.factor", 1);
		p.put("share.coordinator.state.topic.min.isr", 1);
		p.put("group.initial.rebalance.delay.ms", 0);
		StringBuilder text = new StringBuilder();
		p.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!Ports.open(this.port)) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException("Kafka did not come up:\n" + this.process.tail(40));
			}
			Thread.sleep(200);
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.describeCluster().nodes().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
					TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not answer:\n" + this.process.tail(40), ex);
		}
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new java.util.ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public ManagedProcess process() {
		return this.process;
	}

	/** kill -9 of the broker; returns when it is gone. Its log directory stays. */
	public void kill() throws InterruptedException {
		this.process.kill();
	}

	/**
	 * The broker started again (after {@link #kill()}) with the same configuration, ports and log
	 * directory; returns when it answers.
	 */
	public KafkaBroker restarted(Duration timeout) throws InterruptedException {
		KafkaBroker again = new KafkaBroker(this.process.restarted(), this.port);
		try {
			again.awaitReady(timeout);
		}
		catch (RuntimeException | InterruptedException ex) {
			again.close();
			throw ex;
		}
		log.info("Kafka broker restarted (pid {}) on 127.0.0.1:{}", again.process.pid(), this.port);
		return again;
	}

	@Override
	public void close() {
		this.process.close();
	}

}
