package io.smsgw.router.routing;

import java.math.BigDecimal;

/**
 * A connector a message may be sent through, and its price per segment on the chosen route.
 *
 * @param connectorId the connector
 * @param pricePerSegment the route's price for it, or {@code null} when unknown
 * @param down whether it recently reported that it cannot send
 */
public record Candidate(String connectorId, BigDecimal pricePerSegment, boolean down) {

}
