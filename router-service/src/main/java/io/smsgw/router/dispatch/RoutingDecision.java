package io.smsgw.router.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which route and connector one attempt of a message took, and the price per segment used.
 *
 * @param messageId the message
 * @param attempt 1 for the first connector, 2 after a failover, and so on
 * @param routeId the route ({@code null} when unknown, e.g. a failover for a message routed
 * before decisions were recorded)
 * @param routeName its name then
 * @param connectorId the connector
 * @param pricePerSegment the route's price for that connector, or {@code null}
 * @param segments how many segments the message has (0 when unknown)
 * @param candidates the route's candidate connectors in order, as chosen for attempt 1
 * @param decidedAt when
 */
public record RoutingDecision(UUID messageId, int attempt, Long routeId, String routeName, String connectorId,
		BigDecimal pricePerSegment, int segments, List<String> candidates, Instant decidedAt) {

	public RoutingDecision {
		candidates = List.copyOf(candidates);
	}

	/** The price of the message through this connector: price per segment × segments, or {@code null}. */
	public BigDecimal price() {
		return (this.pricePerSegment != null && this.segments > 0)
				? this.pricePerSegment.multiply(BigDecimal.valueOf(this.segments)) : null;
	}

}
