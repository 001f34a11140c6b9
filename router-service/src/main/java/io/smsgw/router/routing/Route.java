package io.smsgw.router.routing;

import java.util.List;

/**
 * One row of the route table: filters and a target group.
 *
 * @param id the route's id
 * @param name a name for operators
 * @param priority order among routes with equally long prefixes: lower first
 * @param isDefault the catch-all route, tried last; it has no filters
 * @param filters what messages it applies to
 * @param strategy how the members are ordered
 * @param members the connectors, at least one; a single connector is a group of one
 */
public record Route(long id, String name, int priority, boolean isDefault, RouteFilters filters, Strategy strategy,
		List<RouteMember> members) {

	public Route {
		filters = (filters != null) ? filters : RouteFilters.ANY;
		strategy = (strategy != null) ? strategy : Strategy.FAILOVER;
		members = List.copyOf(members);
		if (members.isEmpty()) {
			throw new IllegalArgumentException("a route needs at least one connector");
		}
	}

}
