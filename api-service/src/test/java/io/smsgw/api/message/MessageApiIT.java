package io.smsgw.api.message;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.smsgw.api.ApiTestSupport;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageStatus;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventDeserializer;
import io.smsgw.common.kafka.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message flow through the API: intake, the outbox to Kafka, the read model fed by status
 * events, and tenant isolation.
 */
class MessageApiIT extends ApiTestSupport {

	@Test
	void longGsmMessageIsAcceptedInTwoPartsAndPublished() throws Exception {
		String token = token("client-a", "secret-a", null);
		String body = "a".repeat(300);
		HttpResponse<String> response = postJson(token,
				Map.of("to", "+4915123456789", "from", "Acme", "body", body, "callbackUrl", "https://example.com/cb"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode accepted = json(response);
		assertThat(accepted.get("status").asString()).isEqualTo("accepted");
		assertThat(accepted.get("to").asString()).isEqualTo("+4915123456789");
		assertThat(accepted.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(accepted.get("segments").asInt()).isEqualTo(2);
		assertThat(accepted.get("charactersLeft").asInt()).isEqualTo(2 * 153 - 300);
		UUID id = UUID.fromString(accepted.get("id").asString());
		assertThat(response.headers().firstValue("Location")).hasValue("/v1/messages/" + id);

		MessageAccepted event = awaitAccepted(id);
		assertThat(event.tenantId()).isEqualTo("tenant-a");
		assertThat(event.to()).isEqualTo("+4915123456789");
		assertThat(event.from()).isEqualTo("Acme");
		assertThat(event.body()).isEqualTo(body);
		assertThat(event.encoding()).isEqualTo("GSM7");
		assertThat(event.segments()).isEqualTo(2);
		assertThat(event.callbackUrl()).isEqualTo("https://example.com/cb");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class))
				.isZero());
	}

	@Test
	void unicodeMessageIsUcs2AndNationalNumberUsesTenantRegion() throws Exception {
		String token = token("client-a", "secret-a", null);
		HttpResponse<String> response = postJson(token,
				Map.of("to", "015123456789", "from", "12345", "body", "Привет, мир 👋"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode accepted = json(response);
		assertThat(accepted.get("encoding").asString()).isEqualTo("UCS2");
		assertThat(accepted.get("segments").asInt()).isEqualTo(1);
		assertThat(accepted.get("to").asString()).isEqualTo("+4915123456789");
	}

	@Test
	void statusEventsBuildTheHistoryAndNeverMoveBackwards() throws Exception {
		String token = token("client-a", "secret-a", null);
		UUID id = UUID.fromString(json(postJson(token, Map.of("to", "+4915123456789", "from", "+4915199999999",
				"body", "hello"))).get("id").asString());
		Instant sentAt = Instant.parse("2030-01-01T10:00:00Z");
		Instant deliveredAt = sentAt.plusSeconds(5);
		StatusChanged sent = StatusChanged.of(id, "tenant-a", MessageStatus.SENT, sentAt, null, null, null,
				new java.math.BigDecimal("0.1500"));
		StatusChanged delivered = StatusChanged.of(id, "tenant-a", MessageStatus.DELIVERED, deliveredAt, "000",
				"delivered to handset", null);
		StatusChanged lateSent = StatusChanged.of(id, "tenant-a", MessageStatus.SENT, deliveredAt.plusSeconds(60),
				null, null, null);
		publish(sent, delivered, delivered, lateSent);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode view = json(get(token, "/v1/messages/" + id));
			assertThat(view.get("status").asString()).isEqualTo("delivered");
		});
		JsonNode view = json(get(token, "/v1/messages/" + id));
		assertThat(view.get("to").asString()).isEqualTo("+4915123456789");
		assertThat(view.get("from").asString()).isEqualTo("+4915199999999");
		assertThat(view.get("encoding").asString()).isEqualTo("GSM7");
		assertThat(view.get("segments").asInt()).isEqualTo(1);
		assertThat(view.get("errorCode").asString()).isEqualTo("000");
		List<String> history = new ArrayList<>();
		view.get("history").forEach((entry) -> history.add(entry.get("status").asString()));
		assertThat(history).containsExactly("accepted", "sent", "delivered");
		assertThat(view.get("history").get(2).get("detail").asString()).isEqualTo("delivered to handset");
		assertThat(view.get("price").decimalValue()).as("the price the route charged").isEqualByComparingTo("0.15");
		assertThat(Instant.parse(view.get("history").get(1).get("at").asString())).isEqualTo(sentAt);
	}

	@Test
	void anotherTenantsMessageIsNotFound() throws Exception {
		UUID id = UUID.fromString(json(postJson(token("client-a", "secret-a", null),
				Map.of("to", "+4915123456789", "from", "Acme", "body", "secret plans"))).get("id").asString());

		HttpResponse<String> other = get(token("client-b", "secret-b", null), "/v1/messages/" + id);
		HttpResponse<String> missing = get(token("client-b", "secret-b", null), "/v1/messages/" + UUID.randomUUID());

		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json(other).get("status").asInt()).isEqualTo(json(missing).get("status").asInt()).isEqualTo(404);
		assertThat(get(token("reader-a", "secret-r", null), "/v1/messages/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void rowsLeftInTheOutboxAreRelayed() throws Exception {
		MessageAccepted leftover = new MessageAccepted(UUID.randomUUID(), "tenant-a", "+4915123456789", "Acme",
				"left by a crash", "GSM7", 1, null, Instant.parse("2030-01-01T00:00:00Z"));
		this.jdbc.update("INSERT INTO outbox (topic, key, payload) VALUES (?, ?, ?)", Topics.MT_ACCEPTED,
				leftover.key(), new String(io.smsgw.common.kafka.EventJson.write(leftover)));

		assertThat(awaitAccepted(leftover.messageId())).isEqualTo(leftover);
	}

	private static void publish(SmsEvent... events) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
				new EventSerializer())) {
			for (SmsEvent event : events) {
				producer.send(new ProducerRecord<>(Topics.MT_STATUS, event.key(), event));
				producer.flush();
			}
		}
	}

	private static MessageAccepted awaitAccepted(UUID id) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
		try (KafkaConsumer<String, SmsEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new EventDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.MT_ACCEPTED)
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, SmsEvent> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key().equals(id.toString())) {
						return (MessageAccepted) record.value();
					}
				}
			}
		}
		throw new AssertionError("No MessageAccepted for " + id + " on " + Topics.MT_ACCEPTED);
	}

}
