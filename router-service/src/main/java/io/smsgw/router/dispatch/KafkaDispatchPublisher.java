package io.smsgw.router.dispatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.Topics;

/**
 * Publishes the router's decisions with the transactional Kafka template. Sends are not awaited
 * one by one: the transaction commit flushes them and fails if any send failed.
 */
public class KafkaDispatchPublisher implements DispatchPublisher {

	private final KafkaOperations<String, Object> kafka;

	private final DeadLetterPublishingRecoverer deadLetters;

	public KafkaDispatchPublisher(KafkaOperations<String, Object> kafka, DeadLetterPublishingRecoverer deadLetters) {
		this.kafka = kafka;
		this.deadLetters = deadLetters;
	}

	@Override
	public void dispatch(DispatchRequest request) {
		this.kafka.send(Topics.dispatch(request.connectorId()), request.key(), request);
	}

	@Override
	public void fail(MessageFailed failed) {
		this.kafka.send(Topics.MT_FAILED, failed.key(), failed);
	}

	@Override
	public void deadLetter(ConsumerRecord<?, ?> record, Exception cause) {
		this.deadLetters.accept(record, cause);
	}

}
