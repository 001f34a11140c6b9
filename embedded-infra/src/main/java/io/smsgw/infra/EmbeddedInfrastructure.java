package io.smsgw.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft Kafka broker and a real PostgreSQL server, both in this JVM's reach without
 * Docker: the broker runs in process, PostgreSQL from binaries shipped in a Maven jar.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

	private final EmbeddedKafkaKraftBroker kafka;

	private final EmbeddedPostgres postgres;

	private EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
		this.kafka = kafka;
		this.postgres = postgres;
	}

	/**
	 * Starts a broker and a database server.
	 * @param kafkaPort the broker's port, or 0 for any free one
	 * @param postgresPort the database port, or 0 for any free one
	 * @param dataDirectory where PostgreSQL keeps its data across restarts, or {@code null} for a
	 * fresh temporary one
	 * @param partitions default partitions of auto-created topics
	 */
	public static EmbeddedInfrastructure start(int kafkaPort, int postgresPort, Path dataDirectory, int partitions) {
		long started = System.nanoTime();
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, partitions);
		if (kafkaPort > 0) {
			kafka.kafkaPorts(kafkaPort);
		}
		kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions",
				Integer.toString(partitions), "offsets.topic.num.partitions", "5", "group.initial.rebalance.delay.ms",
				"0", "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
				"log.flush.interval.messages", Long.toString(Long.MAX_VALUE)));
		kafka.afterPropertiesSet();
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "127.0.0.1");
			if (postgresPort > 0) {
				builder.setPort(postgresPort);
			}
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded Kafka at {} and PostgreSQL on port {} up in {} ms", kafka.getBrokersAsString(),
					postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
			return new EmbeddedInfrastructure(kafka, postgres);
		}
		catch (IOException ex) {
			kafka.destroy();
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	@Override
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/postgres";
	}

	@Override
	public String jdbcUsername() {
		return "postgres";
	}

	@Override
	public String jdbcPassword() {
		return "postgres";
	}

	@Override
	public void close() {
		try {
			this.kafka.destroy();
		}
		finally {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				log.warn("Could not stop embedded PostgreSQL", ex);
			}
		}
	}

}
