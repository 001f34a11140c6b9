package io.smsgw.router.dispatch;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.router.routing.FailoverPolicy;
import io.smsgw.router.routing.RouteQuery;
import io.smsgw.router.routing.RouteSelector;

/**
 * Routes accepted messages: each one becomes a {@link DispatchRequest} (attempt 1) on its
 * connector's dispatch topic, or a {@code NO_ROUTE} {@link MessageFailed}. A whole poll is one
 * Kafka transaction together with its consumed offsets, so a crash or a redelivery never leaves
 * a message dispatched twice by the router.
 */
public class AcceptedListener {

	private static final Logger log = LoggerFactory.getLogger(AcceptedListener.class);

	private final RouteSelector routes;

	private final DispatchPublisher publisher;

	private final RouterMetrics metrics;

	private final Clock clock;

	public AcceptedListener(RouteSelector routes, DispatchPublisher publisher, RouterMetrics metrics, Clock clock) {
		this.routes = routes;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = "router-accepted", idIsGroup = false, topics = Topics.MT_ACCEPTED,
			containerFactory = "routerListenerContainerFactory", batch = "true")
	void onAccepted(List<ConsumerRecord<String, SmsEvent>> records) {
		for (ConsumerRecord<String, SmsEvent> record : records) {
			MessageAccepted event = RecordReader.readOrDeadLetter(record, MessageAccepted.class, MessageAccepted::messageId, this.publisher,
					this.metrics);
			if (event != null) {
				route(event);
			}
		}
	}

	private void route(MessageAccepted message) {
		List<String> candidates = this.routes.candidates(new RouteQuery(message.tenantId(), message.to(), message.from()));
		if (candidates.isEmpty()) {
			log.info("No route for message {}", message.messageId());
			this.publisher.fail(new MessageFailed(message.messageId(), FailoverPolicy.NO_ROUTE, null,
					"No route to the destination", this.clock.instant()));
			this.metrics.noRoute();
			return;
		}
		String connectorId = candidates.get(0);
		this.publisher.dispatch(new DispatchRequest(message.messageId(), message.tenantId(), connectorId, message.to(),
				message.from(), message.body(), 1, message.acceptedAt(), message.validUntil()));
		this.metrics.routed(connectorId);
	}

}
