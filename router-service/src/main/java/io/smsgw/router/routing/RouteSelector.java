package io.smsgw.router.routing;

import java.util.List;

/**
 * Chooses the connectors that may send a message, best first. The static prefix table is one
 * implementation; the PostgreSQL route table replaces it without touching the listeners.
 */
public interface RouteSelector {

	/**
	 * The candidate connectors for a message, in the order they should be tried.
	 * @return the connector ids, empty when no route leads to the destination
	 */
	List<String> candidates(RouteQuery query);

}
