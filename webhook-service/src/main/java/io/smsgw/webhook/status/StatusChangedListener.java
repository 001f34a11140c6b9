package io.smsgw.webhook.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.smsgw.common.event.StatusChanged;
import io.smsgw.common.event.Topics;
import io.smsgw.webhook.delivery.Callback;
import io.smsgw.webhook.delivery.CallbackQueue;
import io.smsgw.webhook.subscription.EventTypes;
import io.smsgw.webhook.subscription.Subscription;
import io.smsgw.webhook.subscription.SubscriptionStore;

/**
 * Consumes {@link Topics#MT_STATUS} and queues the callbacks of each change: to the message's own
 * callback URL when it has one (it overrides subscriptions, signed with the tenant's secret),
 * otherwise to each of the tenant's subscriptions that wants this status. Only writes to the
 * delivery log, a whole poll per transaction: no HTTP on the consuming thread, so no endpoint ever
 * delays a partition.
 */
@Component
class StatusChangedListener {

	/** The listener container id (not the group id, which is {@code spring.kafka.consumer.group-id}). */
	static final String ID = "webhook-status";

	private final CallbackQueue queue;

	private final SubscriptionStore subscriptions;

	private final StatusCallbackBody bodies = new StatusCallbackBody();

	StatusChangedListener(CallbackQueue queue, SubscriptionStore subscriptions) {
		this.queue = queue;
		this.subscriptions = subscriptions;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.MT_STATUS, batch = "true")
	void onStatusChanged(List<ConsumerRecord<Object, Object>> records) {
		Map<String, List<Subscription>> matching = new HashMap<>();
		this.queue.enqueue(records, Topics.MT_STATUS, (value) -> callbacksOf(value, matching));
	}

	private List<Callback> callbacksOf(Object value, Map<String, List<Subscription>> matching) {
		if (!(value instanceof StatusChanged event)) {
			throw new DeliveryAbandonedException("not a readable StatusChanged");
		}
		if (event.eventId() == null || event.messageId() == null || event.tenantId() == null
				|| event.status() == null) {
			throw new DeliveryAbandonedException("StatusChanged without event id, message id, tenant or status");
		}
		byte[] body = this.bodies.bodyOf(event);
		if (event.callbackUrl() != null && !event.callbackUrl().isBlank()) {
			return List.of(new Callback(event.eventId(), event.messageId(), event.tenantId(), EventTypes.STATUS,
					event.callbackUrl(), body, null));
		}
		// the subscriptions are looked up once per tenant and status per poll
		return matching
			.computeIfAbsent(event.tenantId() + "\n" + event.status(),
					(key) -> this.subscriptions.matching(event.tenantId(), EventTypes.STATUS, event.status()))
			.stream()
			.map((subscription) -> new Callback(event.eventId(), event.messageId(), event.tenantId(), EventTypes.STATUS,
					subscription.url(), body, subscription.id()))
			.toList();
	}

}
