package io.smsgw.webhook.delivery;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.kafka.EventSerializer;

/**
 * Where the listeners put callbacks: each is written to the delivery log (idempotent on event id and
 * target: a replayed event is counted {@code outcome=duplicate} and not queued again), then the
 * dispatcher is woken. The source event is kept for the dead-letter topic.
 */
public class CallbackQueue {

	private static final Logger log = LoggerFactory.getLogger(CallbackQueue.class);

	private final DeliveryLog deliveryLog;

	private final DeliveryDispatcher dispatcher;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	private final EventSerializer serializer = new EventSerializer();

	public CallbackQueue(DeliveryLog deliveryLog, DeliveryDispatcher dispatcher, DeliveryMetrics metrics, Clock clock) {
		this.deliveryLog = deliveryLog;
		this.dispatcher = dispatcher;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Queues the callbacks of one event read from a topic. */
	public void enqueue(List<Callback> callbacks, String topic, SmsEvent source) {
		if (callbacks.isEmpty()) {
			return;
		}
		byte[] sourceBytes = this.serializer.serialize(topic, source);
		int queued = 0;
		for (Callback callback : callbacks) {
			if (this.deliveryLog.enqueue(callback, topic, sourceBytes, this.clock.instant())) {
				queued++;
			}
			else {
				this.metrics.outcome(DeliveryMetrics.DUPLICATE);
				log.debug("{} already queued, not queued again", callback);
			}
		}
		if (queued > 0) {
			this.dispatcher.wake();
		}
	}

}
