package io.smsgw.common.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka settings shared by every service ({@code sms.kafka.*}).
 *
 * @param partitions partitions of each topic the gateway creates; the unit of parallelism
 * @param replicationFactor replicas of each topic (1 for the embedded broker, 3 in production)
 * @param retryAttempts in-place retries of a failing record before it goes to the dead-letter topic
 * @param retryBackoff pause between those retries, doubled each time
 */
@ConfigurationProperties("sms.kafka")
public record SmsKafkaProperties(Integer partitions, Short replicationFactor, Integer retryAttempts,
		Duration retryBackoff) {

	public SmsKafkaProperties {
		partitions = (partitions != null) ? partitions : 6;
		replicationFactor = (replicationFactor != null) ? replicationFactor : 1;
		retryAttempts = (retryAttempts != null) ? retryAttempts : 3;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofMillis(200);
	}

}
