package io.smsgw.smpp.cloudhopper;

import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventDeserializer;
import io.smsgw.common.kafka.EventSerializer;

/** Plain Kafka clients for the tests: publish dispatch requests, read what the connector published. */
final class EventTopics implements AutoCloseable {

	private final KafkaProducer<String, Object> producer;

	private final KafkaConsumer<String, SmsEvent> consumer;

	private final List<SmsEvent> seen = new ArrayList<>();

	EventTopics(String bootstrapServers) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "smpp-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new EventDeserializer());
		this.consumer.subscribe(List.of(Topics.MT_SENT, Topics.MT_DISPATCH_FAILED, Topics.DLR_RECEIVED,
				Topics.MO_RECEIVED));
	}

	/** Publishes one dispatch request per body to the connector's dispatch topic; returns them. */
	List<DispatchRequest> dispatch(String connectorId, String to, String from, List<String> bodies) {
		List<DispatchRequest> requests = new ArrayList<>();
		for (String body : bodies) {
			DispatchRequest request = new DispatchRequest(UUID.randomUUID(), "tenant-1", connectorId, to, from, body,
					1, Instant.now());
			requests.add(request);
			this.producer.send(new ProducerRecord<>(Topics.dispatch(connectorId), request.key(), request));
		}
		this.producer.flush();
		return requests;
	}

	/** Polls until {@code count} events of a type match, or fails after the timeout. */
	<T extends SmsEvent> List<T> await(Class<T> type, Predicate<T> filter, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<T> matching = this.seen.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
			if (matching.size() >= count) {
				return matching;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + count + " " + type.getSimpleName() + " within " + timeout
						+ ", got " + matching.size());
			}
			for (ConsumerRecord<String, SmsEvent> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.value() != null) {
					this.seen.add(record.value());
				}
			}
		}
	}

	/** Keeps polling for a while and returns every event of a type that matches. */
	<T extends SmsEvent> List<T> settle(Class<T> type, Predicate<T> filter, Duration quiet) {
		long until = System.nanoTime() + quiet.toNanos();
		while (System.nanoTime() < until) {
			for (ConsumerRecord<String, SmsEvent> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.value() != null) {
					this.seen.add(record.value());
				}
			}
		}
		return this.seen.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
	}

	@Override
	public void close() {
		this.producer.close();
		this.consumer.close();
	}

}
