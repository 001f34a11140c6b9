package io.smsgw.webhook.inbound;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.smsgw.common.event.InboundRouted;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.delivery.Callback;
import io.smsgw.webhook.delivery.CallbackQueue;
import io.smsgw.webhook.status.DeliveryAbandonedException;
import io.smsgw.webhook.subscription.EventTypes;
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Consumes {@link Topics#MO_ROUTED} (inbound messages matched to their owner by the api-service)
 * and queues a {@code message.inbound} callback to each of the owner's subscriptions that wants it.
 */
@Component
class InboundRoutedListener {

	private final CallbackQueue queue;

	private final SubscriptionStore subscriptions;

	private final InboundCallbackBody bodies = new InboundCallbackBody();

	InboundRoutedListener(CallbackQueue queue, SubscriptionStore subscriptions) {
		this.queue = queue;
		this.subscriptions = subscriptions;
	}

	@KafkaListener(id = "webhook-inbound", idIsGroup = false, topics = Topics.MO_ROUTED, batch = "true")
	void onInboundRouted(List<ConsumerRecord<Object, Object>> records) {
		this.queue.enqueue(records, Topics.MO_ROUTED, this::callbacksOf);
	}

	private List<Callback> callbacksOf(Object value) {
		if (!(value instanceof InboundRouted event)) {
			throw new DeliveryAbandonedException("not a readable InboundRouted");
		}
		if (event.eventId() == null || event.inboundId() == null || event.tenantId() == null) {
			throw new DeliveryAbandonedException("InboundRouted without event id, inbound id or tenant");
		}
		byte[] body = this.bodies.bodyOf(event);
		return this.subscriptions.matching(event.tenantId(), EventTypes.INBOUND, null)
			.stream()
			.map((subscription) -> new Callback(event.eventId(), event.inboundId(), event.tenantId(),
					EventTypes.INBOUND, subscription.url(), body, subscription.id()))
			.toList();
	}

}
