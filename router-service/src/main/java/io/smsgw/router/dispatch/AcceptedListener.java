package io.smsgw.router.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageAccepted;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.router.routing.Candidate;
import io.smsgw.router.routing.ConnectorStatus;
import io.smsgw.router.routing.FailoverPolicy;
import io.smsgw.router.routing.RouteQuery;
import io.smsgw.router.routing.Selection;
import io.smsgw.router.table.RoutingTables;

/**
 * Routes accepted messages: each one becomes a {@link DispatchRequest} (attempt 1) on its
 * connector's dispatch topic, or a {@code NO_ROUTE} {@link MessageFailed}. A whole poll is one
 * Kafka transaction together with its consumed offsets, so a crash or a redelivery never leaves
 * a message dispatched twice by the router. A second MessageAccepted record of a message that
 * another record already routed (the outbox relay may send a row again after a fault) is skipped:
 * each first decision remembers the record it came from.
 */
public class AcceptedListener {

	private static final Logger log = LoggerFactory.getLogger(AcceptedListener.class);

	private final RoutingTables routes;

	private final ConnectorStatus health;

	private final RoutingDecisions decisions;

	private final DispatchPublisher publisher;

	private final RouterMetrics metrics;

	private final Clock clock;

	public AcceptedListener(RoutingTables routes, ConnectorStatus health, RoutingDecisions decisions,
			DispatchPublisher publisher, RouterMetrics metrics, Clock clock) {
		this.routes = routes;
		this.health = health;
		this.decisions = decisions;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = "router-accepted", idIsGroup = false, topics = Topics.MT_ACCEPTED,
			containerFactory = "routerListenerContainerFactory", batch = "true")
	void onAccepted(List<ConsumerRecord<String, SmsEvent>> records) {
		List<Read> read = new ArrayList<>(records.size());
		for (ConsumerRecord<String, SmsEvent> record : records) {
			MessageAccepted event = RecordReader.readOrDeadLetter(record, MessageAccepted.class, MessageAccepted::messageId, this.publisher,
					this.metrics);
			if (event != null) {
				read.add(new Read(record, event, new RoutingDecisions.Source(record.partition(), record.offset())));
			}
		}
		Map<UUID, RoutingDecisions.Source> sources = this.decisions
			.firstSources(read.stream().map((r) -> r.event().messageId()).distinct().toList());
		List<RoutingDecision> decided = new ArrayList<>(read.size());
		for (Read r : read) {
			RoutingDecisions.Source first = sources.putIfAbsent(r.event().messageId(), r.source());
			if (first != null && !first.equals(r.source())) {
				log.info("Message {} was already routed from {}; its record at {} is a duplicate and is skipped",
						r.event().messageId(), first, r.source());
				this.metrics.duplicateSkipped();
				continue;
			}
			RecordReader.processOrDeadLetter(r.record(), () -> route(r.event(), decided), this.publisher, this.metrics);
		}
		// before the Kafka transaction commits: a connector never sees a request whose price is not recorded
		this.decisions.record(decided, sources);
	}

	private record Read(ConsumerRecord<String, SmsEvent> record, MessageAccepted event, RoutingDecisions.Source source) {
	}

	private void route(MessageAccepted message, List<RoutingDecision> decided) {
		Selection selection = this.routes.current()
			.select(new RouteQuery(message.tenantId(), message.to(), message.from(), message.messageType(),
					this.clock.instant()), this.health);
		if (!selection.found()) {
			log.info("No route for message {}", message.messageId());
			this.publisher.fail(new MessageFailed(message.messageId(), FailoverPolicy.NO_ROUTE, null,
					"No route to the destination", this.clock.instant()));
			this.metrics.noRoute(message.tenantId());
			return;
		}
		Candidate first = selection.first();
		String connectorId = first.connectorId();
		decided.add(new RoutingDecision(message.messageId(), 1, selection.route().id(), selection.route().name(),
				connectorId, first.pricePerSegment(), message.segments(),
				selection.candidates().stream().map(Candidate::connectorId).toList(), this.clock.instant()));
		this.publisher.dispatch(new DispatchRequest(message.messageId(), message.tenantId(), connectorId, message.to(),
				message.from(), message.body(), 1, message.acceptedAt(), message.validUntil(), first.pricePerSegment()));
		this.metrics.routed(message.tenantId(), connectorId);
	}

}
