package io.smsgw.infra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL in containers (Testcontainers), for hosts with a Docker engine.
 */
public final class ContainerInfrastructure implements Infrastructure {

	private final KafkaContainer kafka;

	private final PostgreSQLContainer postgres;

	private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
		this.kafka = kafka;
		this.postgres = postgres;
	}

	/** Starts the two containers. */
	public static ContainerInfrastructure start() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
		kafka.start();
		postgres.start();
		return new ContainerInfrastructure(kafka, postgres);
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String jdbcUrl() {
		return this.postgres.getJdbcUrl();
	}

	@Override
	public String jdbcUsername() {
		return this.postgres.getUsername();
	}

	@Override
	public String jdbcPassword() {
		return this.postgres.getPassword();
	}

	@Override
	public void close() {
		this.kafka.stop();
		this.postgres.stop();
	}

}
