package io.smsgw.router.routing;

import java.math.BigDecimal;

/**
 * One connector of a route's group.
 *
 * @param connectorId the connector
 * @param weight its share under {@link Strategy#WEIGHTED} (at least 1)
 * @param pricePerSegment what one segment costs through it, or {@code null} when unknown
 */
public record RouteMember(String connectorId, int weight, BigDecimal pricePerSegment) {

	public RouteMember {
		if (weight < 1) {
			throw new IllegalArgumentException("weight must be at least 1");
		}
	}

}
