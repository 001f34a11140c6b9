package io.smsgw.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.EventDeserializer;

/**
 * Publishes a given-up callback's source event to the dead-letter topic of the topic it came from
 * ({@code sms.mt.status-dlt}, {@code sms.mo.routed-dlt}), keyed like the original, with the reason
 * in {@code kafka_dlt-exception-message} (as spring-kafka's recoverer does) and the event id and
 * target in {@code smsgw-webhook-event-id} / {@code smsgw-webhook-target}.
 */
public class DeadLetters {

	/** Header naming the delivery's target: a subscription id, or {@code callback}. */
	public static final String TARGET_HEADER = "smsgw-webhook-target";

	/** Header carrying the callback's event id. */
	public static final String EVENT_ID_HEADER = "smsgw-webhook-event-id";

	private final KafkaOperations<Object, Object> kafka;

	private final EventDeserializer events = new EventDeserializer();

	public DeadLetters(KafkaOperations<Object, Object> kafka) {
		this.kafka = kafka;
	}

	/** Publishes and waits for the broker's acknowledgement; throws when it could not. */
	String publish(DeliveryJob job, String reason) throws Exception {
		String topic = Topics.deadLetter(job.sourceTopic());
		Object value = this.events.deserialize(job.sourceTopic(), job.source());
		ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, job.messageId().toString(), value);
		record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(reason));
		record.headers().add(EVENT_ID_HEADER, bytes(job.eventId().toString()));
		record.headers()
			.add(TARGET_HEADER, bytes((job.subscriptionId() != null) ? job.subscriptionId().toString() : "callback"));
		this.kafka.send(record).get(30, TimeUnit.SECONDS);
		return topic;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
