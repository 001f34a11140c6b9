package io.smsgw.router.routing;

import java.util.List;

/**
 * Why a message would take the route it takes: every route considered, in the order they were
 * tried, with the outcome.
 *
 * @param selection what the router would do
 * @param considered the routes whose prefix matched (and those without a prefix, and the
 * default), most specific first
 * @param version the version of the route table answered from
 */
public record Explanation(Selection selection, List<Consideration> considered, long version) {

	/**
	 * One route and what became of it.
	 *
	 * @param routeId the route
	 * @param name its name
	 * @param priority its priority
	 * @param outcome SELECTED, NOT_MATCHED, NO_USABLE_CONNECTOR or NOT_REACHED (matched, but a
	 * route before it was selected)
	 * @param reason why, in words
	 */
	public record Consideration(long routeId, String name, int priority, String outcome, String reason) {

	}

}
