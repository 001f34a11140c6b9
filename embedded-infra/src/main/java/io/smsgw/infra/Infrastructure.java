package io.smsgw.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running Kafka broker and PostgreSQL server for the gateway's services: embedded (no Docker
 * needed) or in containers.
 */
public interface Infrastructure extends AutoCloseable {

	/** Kafka bootstrap servers, {@code host:port[,host:port]}. */
	String kafkaBootstrapServers();

	/** JDBC URL of the gateway's database (each service uses its own schema in it). */
	String jdbcUrl();

	String jdbcUsername();

	String jdbcPassword();

	/** Spring properties that point a service at this infrastructure. */
	default Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
		properties.put("spring.datasource.url", jdbcUrl());
		properties.put("spring.datasource.username", jdbcUsername());
		properties.put("spring.datasource.password", jdbcPassword());
		return properties;
	}

	@Override
	void close();

}
