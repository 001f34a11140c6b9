package io.smsgw.router.routing;

/** How a route orders the connectors of its group. */
public enum Strategy {

	/** In the order listed: the first is used, the next ones on failure. */
	FAILOVER,

	/** Round robin in proportion to each member's weight; the others follow as failover. */
	WEIGHTED,

	/** Cheapest price per segment first (members without a price last), ties in listed order. */
	LEAST_COST

}
