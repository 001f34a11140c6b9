package io.smsgw.webhook.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.kafka.EventSerializer;
import io.smsgw.webhook.delivery.DeliveryLog.Queued;

/**
 * Where the listeners put callbacks: the callbacks of a whole poll are written to the delivery log in
 * one transaction (idempotent on event id and target: a replayed event is counted
 * {@code outcome=duplicate} and not queued again), then the dispatcher is woken. The source event is
 * kept for the dead-letter topic. A record that cannot be used fails alone: the records before it are
 * queued, it goes to the error handler (dead-letter topic), the ones after it are read again.
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

	/**
	 * Queues the callbacks of a poll's records of one topic.
	 * @param callbacksOf the callbacks of one record's value (which may be {@code null} when it could
	 * not be read); throws when the record cannot be used
	 * @throws BatchListenerFailedException naming the record that failed (the ones before it are queued)
	 */
	public void enqueue(List<ConsumerRecord<Object, Object>> records, String topic,
			Function<Object, List<Callback>> callbacksOf) {
		List<Queued> queued = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Object value = records.get(i).value();
			try {
				List<Callback> callbacks = callbacksOf.apply(value);
				if (!callbacks.isEmpty()) {
					byte[] source = this.serializer.serialize(topic, (SmsEvent) value);
					callbacks.forEach((callback) -> queued.add(new Queued(callback, topic, source)));
				}
			}
			catch (RuntimeException ex) {
				write(queued);
				throw new BatchListenerFailedException("Record " + i + " of the poll not queued: " + ex.getMessage(), ex,
						i);
			}
		}
		write(queued);
	}

	private void write(List<Queued> queued) {
		if (queued.isEmpty()) {
			return;
		}
		boolean[] inserted;
		try {
			inserted = this.deliveryLog.enqueueAll(queued, this.clock.instant());
		}
		catch (DataAccessException ex) {
			// nothing of this poll was queued: the whole poll is read again (with the outage back-off)
			throw new BatchListenerFailedException("Callbacks not queued: " + ex.getMessage(), ex, 0);
		}
		int count = 0;
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i]) {
				count++;
			}
			else {
				this.metrics.outcome(DeliveryMetrics.DUPLICATE);
				log.debug("{} already queued, not queued again", queued.get(i).callback());
			}
		}
		if (count > 0) {
			this.dispatcher.wake();
		}
	}

}
