package io.smsgw.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.kafka.EventDeserializer;
import io.smsgw.common.kafka.EventSerializer;

/** Plain Kafka clients for integration tests on the shared test infrastructure: publish events, read what a service published. */
public final class KafkaTestClient {

	private KafkaTestClient() {
	}

	/** Publishes events keyed by their key and waits for the acks. */
	public static void publish(String topic, SmsEvent... events) {
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new EventSerializer())) {
			for (SmsEvent event : events) {
				producer.send(new ProducerRecord<>(topic, event.key(), event));
			}
			producer.flush();
		}
	}

	/** Publishes raw bytes, e.g. a record no deserializer can read. */
	public static void publishRaw(String topic, String key, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value));
			producer.flush();
		}
	}

	/**
	 * Reads a topic from the beginning until {@code expected} records match, then keeps reading
	 * for {@code settle} so that extra (duplicate) records show up too.
	 * @param committedOnly read_committed (what services see) or read_uncommitted
	 */
	public static List<ConsumerRecord<String, SmsEvent>> read(String topic, Predicate<SmsEvent> filter, int expected,
			Duration timeout, Duration settle, boolean committedOnly) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
		List<ConsumerRecord<String, SmsEvent>> matched = new ArrayList<>();
		try (KafkaConsumer<String, SmsEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new EventDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			long settleUntil = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, settleUntil)) {
				for (ConsumerRecord<String, SmsEvent> record : consumer.poll(Duration.ofMillis(100))) {
					if (record.value() != null && filter.test(record.value())) {
						matched.add(record);
					}
				}
				if (matched.size() >= expected && settleUntil == Long.MAX_VALUE) {
					settleUntil = System.nanoTime() + settle.toNanos();
				}
			}
		}
		return matched;
	}

	/** Counts the records on a topic (e.g. a dead-letter topic) whose key is {@code key}. */
	public static int countRaw(String topic, String key, int expected, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		int count = 0;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline && count < expected) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					if (key.equals(record.key())) {
						count++;
					}
				}
			}
		}
		return count;
	}

	/** {@link #read} as a service sees it (read_committed), returning the values. */
	public static List<SmsEvent> readValues(String topic, Predicate<SmsEvent> filter, int expected) {
		return read(topic, filter, expected, Duration.ofSeconds(20), Duration.ofMillis(1500), true).stream()
			.map(ConsumerRecord::value)
			.toList();
	}

}
