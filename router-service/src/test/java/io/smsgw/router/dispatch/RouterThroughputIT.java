package io.smsgw.router.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventSerializer;
import io.smsgw.infra.KafkaTestClient;
import io.smsgw.infra.TestInfrastructure;
import io.smsgw.router.RouterTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream of accepted messages as the API's outbox relay sends them (small batches, several
 * thousand a second) is routed exactly once each, in as many Kafka transactions as the router
 * needs. Logs the routing rate: a figure, not an assertion.
 */
@RouterTest
class RouterThroughputIT {

	private static final Logger log = LoggerFactory.getLogger(RouterThroughputIT.class);

	private static final int MESSAGES = 3000;

	private static final int BATCH = 50;

	@Test
	void aStreamOfAcceptedMessagesIsDispatchedExactlyOnceEach() throws InterruptedException {
		List<MessageAccepted> messages = new ArrayList<>(MESSAGES);
		for (int i = 0; i < MESSAGES; i++) {
			messages.add(new MessageAccepted(UUID.randomUUID(), "tenant-load", "+1555%07d".formatted(i), "ACME",
					"load " + i, "GSM7", 1, null, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		}
		Set<UUID> ids = messages.stream().map(MessageAccepted::messageId).collect(Collectors.toSet());

		long start = System.currentTimeMillis();
		try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
						ProducerConfig.LINGER_MS_CONFIG, 2),
				new StringSerializer(), new EventSerializer())) {
			for (int i = 0; i < MESSAGES; i += BATCH) {
				for (MessageAccepted message : messages.subList(i, Math.min(MESSAGES, i + BATCH))) {
					producer.send(new ProducerRecord<>(Topics.MT_ACCEPTED, message.key(), message));
				}
				producer.flush();
				Thread.sleep(10);
			}
		}
		long published = System.currentTimeMillis();

		List<ConsumerRecord<String, SmsEvent>> dispatched = KafkaTestClient.read(Topics.dispatch("it-default"),
				(e) -> e instanceof DispatchRequest r && ids.contains(r.messageId()), MESSAGES, Duration.ofSeconds(120),
				Duration.ofSeconds(2), true);

		Map<UUID, Long> perMessage = dispatched.stream()
			.collect(Collectors.groupingBy((r) -> ((DispatchRequest) r.value()).messageId(), Collectors.counting()));
		assertThat(perMessage).as("every message dispatched").hasSize(MESSAGES);
		assertThat(perMessage.values()).as("each exactly once").allMatch((n) -> n == 1);
		long lastDispatch = dispatched.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
		Map<Integer, Long> perPartition = dispatched.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting()));
		assertThat(perPartition.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(MESSAGES);
		log.info("Routed {} messages in {} ms ({} msg/s; published over {} ms, last routed {} ms after the last was"
				+ " published); per dispatch partition {}", MESSAGES, lastDispatch - start,
				MESSAGES * 1000L / Math.max(1, lastDispatch - start), published - start, lastDispatch - published,
				perPartition);
		assertThat(dispatched).extracting(ConsumerRecord::value)
			.extracting((e) -> ((DispatchRequest) e).tenantId())
			.containsOnly("tenant-load");
		assertThat(dispatched.stream().map((r) -> (DispatchRequest) r.value()).map(DispatchRequest::connectorId)
			.collect(Collectors.toSet())).containsExactly("it-default");
		assertThat(dispatched.stream().map((r) -> ((DispatchRequest) r.value()).to()).distinct().count())
			.as("each with its own destination").isEqualTo(MESSAGES);
	}

}
