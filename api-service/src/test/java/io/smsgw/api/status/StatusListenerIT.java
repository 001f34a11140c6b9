package io.smsgw.api.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input on {@code sms.mt.status} never stalls the read model: unreadable records go to the
 * dead-letter topic, events of unknown messages or of another tenant are ignored, and the events
 * behind them are applied.
 */
class StatusListenerIT extends ApiTestSupport {

	@Test
	void poisonAndForeignEventsDoNotStopTheReadModel() throws Exception {
		String token = token("client-a", "secret-a", null);
		UUID id = UUID.fromString(json(postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body",
				"poison test"))).get("id").asString());
		String garbage = "{not json at all " + UUID.randomUUID();
		Instant at = Instant.parse("2030-02-01T00:00:00Z");
		StatusChanged unknown = StatusChanged.of(UUID.randomUUID(), "tenant-a", MessageStatus.SENT, at, null, null,
				null);
		StatusChanged foreign = StatusChanged.of(id, "tenant-b", MessageStatus.FAILED, at, "X", null, null);
		StatusChanged failed = StatusChanged.of(id, "tenant-a", MessageStatus.UNDELIVERED, at.plusSeconds(1), "0x0B",
				"absent subscriber", null);

		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			String key = id.toString();
			producer.send(new ProducerRecord<>(Topics.MT_STATUS, key, garbage.getBytes(StandardCharsets.UTF_8)));
			producer.send(new ProducerRecord<>(Topics.MT_STATUS, key, EventJson.write(foreign)));
			producer.send(new ProducerRecord<>(Topics.MT_STATUS, unknown.key(), EventJson.write(unknown)));
			producer.send(new ProducerRecord<>(Topics.MT_STATUS, key, EventJson.write(failed)));
			producer.flush();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(json(get(token, "/v1/messages/" + id)).get("status").asString())
				.isEqualTo("undelivered"));
		assertThat(json(get(token, "/v1/messages/" + id)).get("errorCode").asString()).isEqualTo("0x0B");
		assertThat(json(get(token, "/v1/messages/" + id)).get("history")).hasSize(2);
		assertThat(deadLetters()).contains(garbage);
	}

	@Test
	void statusesOfManyMessagesInOnePollMoveEachToItsLatestAndKeepThePrice() throws Exception {
		String token = token("client-a", "secret-a", null);
		UUID delivered = send(token, "to be delivered");
		UUID undelivered = send(token, "to be undelivered");
		Instant at = Instant.parse("2030-03-01T00:00:00Z");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			for (StatusChanged change : List.of(
					StatusChanged.of(delivered, "tenant-a", MessageStatus.SENT, at, null, null, null,
							new java.math.BigDecimal("0.07")),
					StatusChanged.of(undelivered, "tenant-a", MessageStatus.SENT, at, null, null, null, null),
					StatusChanged.of(delivered, "tenant-a", MessageStatus.DELIVERED, at.plusSeconds(2), null, null, null),
					StatusChanged.of(undelivered, "tenant-a", MessageStatus.UNDELIVERED, at.plusSeconds(3), "0x0B",
							"absent subscriber", null))) {
				producer.send(new ProducerRecord<>(Topics.MT_STATUS, change.key(), EventJson.write(change)));
			}
			producer.flush();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(json(get(token, "/v1/messages/" + delivered)).get("status").asString()).isEqualTo("delivered");
			assertThat(json(get(token, "/v1/messages/" + undelivered)).get("status").asString())
				.isEqualTo("undelivered");
		});
		assertThat(json(get(token, "/v1/messages/" + delivered)).get("price").decimalValue())
			.as("the price of the sent status, kept by the delivered one").isEqualByComparingTo("0.07");
		assertThat(json(get(token, "/v1/messages/" + undelivered)).get("errorCode").asString()).isEqualTo("0x0B");
		assertThat(json(get(token, "/v1/messages/" + undelivered)).get("history")).hasSize(3);
	}

	private UUID send(String token, String body) throws Exception {
		return UUID.fromString(json(postJson(token, Map.of("to", "+4915123456789", "from", "Acme", "body", body)))
			.get("id")
			.asString());
	}

	private static Properties producerConfig() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		return config;
	}

	private static List<String> deadLetters() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(Topics.MT_STATUS))
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<String> values = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(new String(record.value(), StandardCharsets.UTF_8));
				}
			}
			return values;
		}
	}

}
