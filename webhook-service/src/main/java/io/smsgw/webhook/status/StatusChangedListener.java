package io.smsgw.webhook.status;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.delivery.CallbackDeliverer;
import io.smsgw.webhook.delivery.DeliveryResult;

/**
 * Consumes {@link Topics#MT_STATUS} and calls tenants back for changes that carry a callback
 * URL. One record at a time per partition: a retry pauses the partition, so a message's
 * callbacks arrive in status order.
 */
@Component
class StatusChangedListener {

	/** The listener container id (not the group id, which is {@code spring.kafka.consumer.group-id}). */
	static final String ID = "webhook-status";

	private final CallbackDeliverer deliverer;

	private final StatusCallbackBody bodies = new StatusCallbackBody();

	StatusChangedListener(CallbackDeliverer deliverer) {
		this.deliverer = deliverer;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.MT_STATUS)
	void onStatusChanged(StatusChanged event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		if (event.callbackUrl() == null || event.callbackUrl().isBlank()) {
			return;
		}
		if (event.eventId() == null || event.messageId() == null || event.tenantId() == null
				|| event.status() == null) {
			throw new DeliveryAbandonedException("StatusChanged without event id, message id, tenant or status");
		}
		DeliveryResult result = this.deliverer.deliver(this.bodies.callbackOf(event));
		if (result.kind() == DeliveryResult.Kind.RETRY) {
			throw new RetryLaterException(new TopicPartition(topic, partition), result.retryIn(), result.reason());
		}
		if (result.kind() == DeliveryResult.Kind.ABANDONED) {
			throw new DeliveryAbandonedException(result.reason());
		}
	}

}
