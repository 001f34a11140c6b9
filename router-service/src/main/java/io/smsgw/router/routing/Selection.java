package io.smsgw.router.routing;

import java.util.List;

/**
 * The route chosen for a message and its connectors in the order to try them.
 *
 * @param route the route, or {@code null} when none leads to the destination
 * @param candidates best first; empty when there is no route
 */
public record Selection(Route route, List<Candidate> candidates) {

	/** No route for the message. */
	public static final Selection NONE = new Selection(null, List.of());

	public Selection {
		candidates = List.copyOf(candidates);
	}

	/** Whether a route was found. */
	public boolean found() {
		return this.route != null && !this.candidates.isEmpty();
	}

	/** The connector to try first. */
	public Candidate first() {
		return this.candidates.get(0);
	}

}
