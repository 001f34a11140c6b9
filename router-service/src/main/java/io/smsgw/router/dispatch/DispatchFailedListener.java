package io.smsgw.router.dispatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import io.smsgw.common.event.DispatchFailed;
import io.smsgw.common.event.DispatchRequest;
import io.smsgw.common.event.MessageFailed;
import io.smsgw.common.event.SmsEvent;
import io.smsgw.common.event.Topics;
import io.smsgw.common.kafka.DispatchListener;
import io.smsgw.router.routing.Candidate;
import io.smsgw.router.routing.ConnectorStatus;
import io.smsgw.router.routing.FailoverPolicy;
import io.smsgw.router.routing.RouteQuery;
import io.smsgw.router.routing.RoutingTable;
import io.smsgw.router.table.RoutingTables;

/**
 * Handles dispatch failures reported by connectors: a retriable failure goes to the route's next
 * candidate not tried yet (enabled, and up when one is), up to {@code max-attempts}; otherwise
 * the message fails for good. A message handed back because its connector had no link up for a
 * while goes to a candidate that is up, or else back to the same connector to wait. The candidates are the ones recorded for the first attempt, so a
 * weighted round robin or a reload in between does not send a message to a connector twice.
 * Transactional like {@link AcceptedListener}.
 */
public class DispatchFailedListener {

	private static final Logger log = LoggerFactory.getLogger(DispatchFailedListener.class);

	private final FailoverPolicy policy;

	private final RoutingTables routes;

	private final ConnectorStatus health;

	private final RoutingDecisions decisions;

	private final DispatchPublisher publisher;

	private final RouterMetrics metrics;

	private final Clock clock;

	public DispatchFailedListener(FailoverPolicy policy, RoutingTables routes, ConnectorStatus health,
			RoutingDecisions decisions, DispatchPublisher publisher, RouterMetrics metrics, Clock clock) {
		this.policy = policy;
		this.routes = routes;
		this.health = health;
		this.decisions = decisions;
		this.publisher = publisher;
		this.metrics = metrics;
		this.clock = clock;
	}

	@KafkaListener(id = "router-dispatch-failed", idIsGroup = false, topics = Topics.MT_DISPATCH_FAILED,
			containerFactory = "routerListenerContainerFactory", batch = "true")
	void onDispatchFailed(List<ConsumerRecord<String, SmsEvent>> records) {
		for (ConsumerRecord<String, SmsEvent> record : records) {
			DispatchFailed event = RecordReader.readOrDeadLetter(record, DispatchFailed.class, DispatchFailed::messageId, this.publisher,
					this.metrics);
			if (event != null) {
				RecordReader.processOrDeadLetter(record, () -> handle(event), this.publisher, this.metrics);
			}
		}
	}

	private void handle(DispatchFailed failed) {
		DispatchRequest request = failed.request();
		List<RoutingDecision> history = (request != null) ? this.decisions.of(failed.messageId()) : List.of();
		FailoverPolicy.Verdict verdict;
		if (request != null && DispatchListener.CONNECTOR_UNAVAILABLE.equals(failed.errorCode())) {
			verdict = this.policy.decideUnavailable(failed.attempt(),
					untried(failed, history).stream().filter((c) -> !this.health.isDown(c)).toList());
		}
		else {
			verdict = this.policy.decide(failed.retriable(), failed.attempt(),
					(request != null) ? untried(failed, history) : List.of());
		}
		if (verdict instanceof FailoverPolicy.Wait) {
			log.info("Message {} handed back by {}, which has no link up, and no other connector is up: it waits there",
					failed.messageId(), failed.connectorId());
			this.publisher.dispatch(request);
			return;
		}
		if (verdict instanceof FailoverPolicy.TryNext next) {
			RoutingDecision first = history.isEmpty() ? null : history.get(0);
			Long routeId = (first != null) ? first.routeId() : null;
			RoutingTable table = this.routes.current();
			BigDecimal price = (routeId != null) ? table.priceOf(routeId, next.connectorId()) : null;
			DispatchRequest retry = request.nextAttempt(next.connectorId(), price);
			this.decisions.record(List.of(new RoutingDecision(retry.messageId(), retry.attempt(), routeId,
					(first != null) ? first.routeName() : null, retry.connectorId(), price,
					(first != null) ? first.segments() : 0, (first != null) ? first.candidates() : List.of(),
					this.clock.instant())));
			log.info("Message {} failed on {} (attempt {}, {}): trying {}", failed.messageId(), failed.connectorId(),
					failed.attempt(), failed.errorCode(), retry.connectorId());
			this.publisher.dispatch(retry);
			this.metrics.failedOver(failed.connectorId());
			this.metrics.routed(retry.tenantId(), retry.connectorId());
			return;
		}
		String reasonCode = ((FailoverPolicy.GiveUp) verdict).reasonCode();
		log.info("Message {} failed on {} (attempt {}): {} {}", failed.messageId(), failed.connectorId(),
				failed.attempt(), reasonCode, failed.errorCode());
		this.publisher.fail(new MessageFailed(failed.messageId(), reasonCode, failed.errorCode(), failed.reason(),
				this.clock.instant()));
		this.metrics.failed(reasonCode, (request != null) ? request.tenantId() : null, failed.connectorId());
	}

	/**
	 * The recorded candidates (or, for a message routed before decisions were recorded, today's)
	 * not tried yet that are still enabled; those reported down last.
	 */
	private List<String> untried(DispatchFailed failed, List<RoutingDecision> history) {
		RoutingTable table = this.routes.current();
		List<String> candidates = history.isEmpty() ? table
			.select(new RouteQuery(failed.request().tenantId(), failed.request().to(), failed.request().from(), null,
					this.clock.instant()), this.health)
			.candidates()
			.stream()
			.map(Candidate::connectorId)
			.toList() : history.get(0).candidates();
		Set<String> tried = new HashSet<>();
		history.forEach((d) -> tried.add(d.connectorId()));
		tried.add(failed.connectorId());
		List<String> up = new ArrayList<>();
		List<String> down = new ArrayList<>();
		for (String candidate : candidates) {
			var connector = table.connectors().get(candidate);
			if (!tried.contains(candidate) && connector != null && connector.enabled()) {
				(this.health.isDown(candidate) ? down : up).add(candidate);
			}
		}
		up.addAll(down);
		return up;
	}

}
