package io.smsgw.common.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.smsgw.common.connector.DispatchOutcome;
import io.smsgw.common.connector.SmsConnector;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageSent;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll whose outcomes cannot all be published at once: the failed outcomes are published again
 * and the messages are not dispatched again (the network answered them); the poll is acknowledged
 * only when every outcome is on Kafka. The Kafka side is a template whose sends fail on purpose
 * (a broker refusing some records cannot be produced on demand).
 */
class DispatchListenerTests {

	private final Map<UUID, AtomicInteger> dispatches = new ConcurrentHashMap<>();

	private final SmsConnector connector = new SmsConnector() {

		@Override
		public String id() {
			return "c1";
		}

		@Override
		public CompletionStage<DispatchOutcome> dispatch(DispatchRequest request) {
			dispatches.computeIfAbsent(request.messageId(), (id) -> new AtomicInteger()).incrementAndGet();
			return CompletableFuture.completedFuture(
					new DispatchOutcome.Sent(List.of(new MessageSent.SentPart(1, "net-" + request.messageId()))));
		}

		@Override
		public LinkCount links() {
			return new LinkCount(1, 1);
		}

	};

	@Test
	void outcomesThatFailToPublishArePublishedAgainNotDispatchedAgain() {
		FlakyTemplate kafka = new FlakyTemplate(2);
		AtomicInteger acks = new AtomicInteger();
		List<ConsumerRecord<String, SmsEvent>> poll = poll(3);

		listener(kafka, Duration.ofSeconds(10)).onMessage(poll, acks::incrementAndGet);

		assertThat(this.dispatches).hasSize(3).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
		assertThat(acks.get()).isEqualTo(1);
		assertThat(kafka.published).hasSize(3).allMatch((r) -> r.topic().equals(Topics.MT_SENT));
		assertThat(kafka.published.stream().map((r) -> ((MessageSent) r.value()).messageId()))
			.containsExactlyInAnyOrderElementsOf(this.dispatches.keySet());
		assertThat(kafka.attempts.get()).as("3 sends, 2 of them failed and sent again").isEqualTo(5);
	}

	@Test
	void whenPublishingKeepsFailingThePollIsNotAcknowledged() {
		FlakyTemplate kafka = new FlakyTemplate(Integer.MAX_VALUE);
		AtomicInteger acks = new AtomicInteger();

		assertThatThrownBy(() -> listener(kafka, Duration.ofMillis(1200)).onMessage(poll(2), acks::incrementAndGet))
			.isInstanceOf(KafkaException.class)
			.hasMessageContaining("Could not publish 2 outcomes of connector c1");

		assertThat(acks.get()).isZero();
		assertThat(this.dispatches).hasSize(2).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
		assertThat(kafka.attempts.get()).as("published again while the time lasted").isGreaterThanOrEqualTo(4);
	}

	private DispatchListener listener(FlakyTemplate kafka, Duration outcomeTimeout) {
		return new DispatchListener(this.connector, kafka, outcomeTimeout, Duration.ZERO, Duration.ofMinutes(1),
				Clock.systemUTC());
	}

	private static List<ConsumerRecord<String, SmsEvent>> poll(int size) {
		return java.util.stream.IntStream.range(0, size).mapToObj((i) -> {
			DispatchRequest request = new DispatchRequest(UUID.randomUUID(), "t1", "c1", "+4915100000001", "ACME",
					"hello " + i, 1, Instant.now());
			return new ConsumerRecord<String, SmsEvent>(Topics.dispatch("c1"), 0, i, request.messageId().toString(),
					request);
		}).toList();
	}

	/** Fails the first {@code failures} sends, then publishes (records them) without a broker. */
	private static final class FlakyTemplate extends KafkaTemplate<String, Object> {

		final List<ProducerRecord<String, Object>> published = new CopyOnWriteArrayList<>();

		final AtomicInteger attempts = new AtomicInteger();

		private final int failures;

		FlakyTemplate(int failures) {
			super(new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
					ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
			this.failures = failures;
		}

		@Override
		public CompletableFuture<SendResult<String, Object>> send(ProducerRecord<String, Object> record) {
			if (this.attempts.incrementAndGet() <= this.failures) {
				return CompletableFuture.failedFuture(new KafkaException("broker said no"));
			}
			this.published.add(record);
			return CompletableFuture.completedFuture(new SendResult<>(record, null));
		}

	}

}
